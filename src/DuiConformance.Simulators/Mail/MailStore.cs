using System.Security.Cryptography;
using System.Text;
using DuiConformance.Core.Evidence;

namespace DuiConformance.Simulators.Mail;

/// <summary>
/// The simulated operator's mail store: one <see cref="StoredMailbox"/> per address, created at first use, files under
/// <see cref="RootDirectory"/>. The SMTP simulator files accepted messages here before its <c>250</c>; the IMAP simulator
/// serves them; the harness places inbound messages with <see cref="DeliverAsync"/> (receive-and-file scenarios).
/// </summary>
public sealed class MailStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, StoredMailbox> _mailboxes = new(StringComparer.OrdinalIgnoreCase);
    private readonly TimeProvider _time;

    /// <summary>Creates a store under <paramref name="rootDirectory"/> (created when missing).</summary>
    public MailStore(string rootDirectory, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rootDirectory);
        RootDirectory = rootDirectory;
        _time = time ?? TimeProvider.System;
        Directory.CreateDirectory(rootDirectory);
    }

    /// <summary>Where the message files are.</summary>
    public string RootDirectory { get; }

    /// <summary>The addresses that have a mailbox so far.</summary>
    public IReadOnlyList<string> Addresses
    {
        get
        {
            lock (_gate)
            {
                return [.. _mailboxes.Values.Select(mailbox => mailbox.Address).Order(StringComparer.OrdinalIgnoreCase)];
            }
        }
    }

    /// <summary>The mailbox of an address (case-insensitive), created empty at first use.</summary>
    public StoredMailbox Mailbox(string address)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(address);
        lock (_gate)
        {
            if (!_mailboxes.TryGetValue(address, out var mailbox))
            {
                // Note: the address comes from the wire; the directory name is a hash so no address can escape the store.
                var directory = Path.Combine(RootDirectory, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(address.ToUpperInvariant())))[..20]);
                mailbox = new StoredMailbox(address, directory, _time);
                _mailboxes[address] = mailbox;
            }

            return mailbox;
        }
    }

    /// <summary>
    /// Files a message in the INBOX of <paramref name="address"/>, exactly these bytes, and returns it once it is on
    /// disk. For the harness: a hospital's discharge letter or a patient's message placed in the DUI's mailbox.
    /// </summary>
    /// <exception cref="IOException">The file could not be written; nothing was filed.</exception>
    public Task<StoredMessage> DeliverAsync(string address, ReadOnlyMemory<byte> message, CancellationToken cancellationToken = default) =>
        Mailbox(address).InboxFolder.AppendAsync(message, cancellationToken: cancellationToken);

    /// <summary>
    /// Files in the INBOX of <paramref name="address"/> a message the evidence store recorded durably
    /// (<paramref name="item"/>), read back from it: the SMTP simulator's delivery of an accepted message.
    /// </summary>
    internal StoredMessage DeliverRecorded(string address, EvidenceStore evidence, EvidenceItem item) =>
        Mailbox(address).InboxFolder.AppendRecorded(() => evidence.ReadContent(item), item.Length);
}
