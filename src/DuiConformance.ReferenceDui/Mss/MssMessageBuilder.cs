using System.Globalization;
using DuiConformance.ReferenceDui.Identity;
using DuiConformance.ReferenceDui.Storage;
using MimeKit;
using MimeKit.Utils;

namespace DuiConformance.ReferenceDui.Mss;

/// <summary>
/// Builds the MSSanté message carrying a document: From the organisation's mailbox, a French text/plain body and
/// the IHE_XDM.ZIP attachment in a multipart/mixed, with Message-ID, Date and the X-MSS headers (domain.md §4.4–4.5).
/// </summary>
internal sealed class MssMessageBuilder
{
    private readonly OrganisationProfile _organisation;
    private readonly XdmPackageBuilder _xdm;

    public MssMessageBuilder(OrganisationProfile organisation, XdmPackageBuilder xdm)
    {
        _organisation = organisation ?? throw new ArgumentNullException(nameof(organisation));
        _xdm = xdm ?? throw new ArgumentNullException(nameof(xdm));
    }

    /// <summary>The message sending <paramref name="document"/> to <paramref name="recipient"/>.</summary>
    public MimeMessage Build(Usager usager, StoredDocument document, MailboxAddress recipient, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(usager);
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(recipient);

        var senderDomain = _organisation.SenderAddress[(_organisation.SenderAddress.IndexOf('@', StringComparison.Ordinal) + 1)..];
        var message = new MimeMessage
        {
            Subject = $"DLU {usager.BirthName} {usager.FirstGivenName}",
            MessageId = MimeUtils.GenerateMessageId(senderDomain),
            Date = now,
        };
        message.From.Add(new MailboxAddress(_organisation.Name, _organisation.SenderAddress));
        message.To.Add(recipient);

        // Note: Réf#2 ECO.2.4.3, X-MSS-NIL on every message; ECO.2.4.1/.2, CODECDA and INS because a CDA is attached.
        message.Headers.Add(MssHeaders.Nil, _organisation.ConvergenceProductReference);
        message.Headers.Add(MssHeaders.CodeCda, MssHeaders.CodeCdaValue([document.CdaBytes]));
        message.Headers.Add(MssHeaders.Ins, MssHeaders.InsValue([document.CdaBytes]));

        var body = new TextPart("plain") { ContentTransferEncoding = ContentEncoding.QuotedPrintable };
        body.SetText("utf-8", string.Join("\r\n",
            "Bonjour,",
            "",
            $"Veuillez trouver ci-joint le {document.Title.ToLowerInvariant()} de {usager.BirthName} {usager.FirstGivenName}"
                + $" (né(e) le {usager.BirthDate.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}), au format IHE XDM.",
            "",
            "Cordialement,",
            $"{_organisation.AuthorGiven} {_organisation.AuthorFamily}",
            _organisation.Name,
            ""));

        var zip = _xdm.Build(usager, document, recipient.Address, now, XdmPackageBuilder.Identifiers.New());
        var attachment = new MimePart("application", "zip")
        {
            Content = new MimeContent(new MemoryStream(zip, writable: false)),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = XdmPackageBuilder.FileName,
        };

        var mixed = new Multipart("mixed") { body, attachment };
        message.Body = mixed;
        return message;
    }
}
