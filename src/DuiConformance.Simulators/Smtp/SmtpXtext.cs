namespace DuiConformance.Simulators.Smtp;

/// <summary>RFC 3461 §4 xtext: printable ASCII from <c>!</c> to <c>~</c> except <c>+</c> and <c>=</c>, which are written <c>+XX</c>.</summary>
public static class SmtpXtext
{
    /// <summary>True when <paramref name="value"/> is well-formed xtext (every <c>+</c> followed by two upper-case hex digits).</summary>
    public static bool IsValid(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        for (var index = 0; index < value.Length; index++)
        {
            var character = value[index];
            if (character == '+')
            {
                if (index + 2 >= value.Length || !IsUpperHex(value[index + 1]) || !IsUpperHex(value[index + 2]))
                {
                    return false;
                }

                index += 2;
            }
            else if (character is < '!' or > '~' or '=')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsUpperHex(char character) => character is (>= '0' and <= '9') or (>= 'A' and <= 'F');
}
