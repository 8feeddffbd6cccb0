using System.Globalization;

namespace DuiConformance.Simulators.Smtp;

/// <summary>
/// The message size limit the SMTP server enforces and announces now (<c>SIZE</c>, RFC 1870): the configured
/// <see cref="SmtpSimulatorOptions.MaxMessageSize"/>, or a lower or higher value a scenario set for its own steps
/// (domain.md §4.5: the limit is configurable per simulated operator). Shared by all sessions of one server; a new
/// value applies from the next EHLO, MAIL or DATA on.
/// </summary>
public sealed class SmtpSizeLimit
{
    private long _override;

    /// <summary>Creates the limit with its configured value.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="configured"/> is not positive.</exception>
    public SmtpSizeLimit(long configured)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(configured);
        Configured = configured;
    }

    /// <summary>The limit from the server settings, in octets.</summary>
    public long Configured { get; }

    /// <summary>The limit in force, in octets: the scenario's value when one is set, else <see cref="Configured"/>.</summary>
    public long Current => Interlocked.Read(ref _override) is var value && value > 0 ? value : Configured;

    /// <summary>Sets the limit in force; <c>null</c> goes back to <see cref="Configured"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="octets"/> is not positive.</exception>
    public void Set(long? octets)
    {
        if (octets is { } value)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value, nameof(octets));
        }

        Interlocked.Exchange(ref _override, octets ?? 0);
    }

    /// <inheritdoc />
    public override string ToString() => Current.ToString(CultureInfo.InvariantCulture);
}
