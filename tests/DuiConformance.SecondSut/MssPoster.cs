using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace DuiConformance.SecondSut;

/// <summary>Sends a letter over MSSanté with MailKit: STARTTLS before AUTH, X-MSS headers, the IHE_XDM.ZIP attachment.</summary>
public static class MssPoster
{
    /// <summary>The product reference sent as X-MSS-NIL (synthetic).</summary>
    public const string ProductReference = "SECOND-SUT-0001";

    public static async Task<Outcome> SendAsync(Links links, Resident resident, Letter letter, string recipient, CancellationToken ct)
    {
        if (links.SmtpPort == 0)
        {
            return Outcome.Fail("MSSanté non configurée");
        }

        if (!MailboxAddress.TryParse(recipient, out var to))
        {
            return Outcome.Fail($"Destinataire invalide : « {recipient} »");
        }

        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(DluFiller.Organisation, links.Sender));
        message.To.Add(to);
        message.Subject = "DLU " + resident.BirthName;
        message.Headers.Add("X-MSS-NIL", ProductReference);
        message.Headers.Add("X-MSS-CODECDA", "74207-2");
        // Note: X-MSS-INS is O when an attached CDA carries an INS, which this SUT writes only for a qualified identity.
        message.Headers.Add("X-MSS-INS", resident.Qualified && resident.Ins is not null ? "O" : "N");
        var body = new BodyBuilder { TextBody = $"Document de liaison d'urgence de {resident.BirthName} en pièce jointe (IHE XDM).\n" };
        body.Attachments.Add("IHE_XDM.ZIP", XdmArchive.Build(letter, resident), new ContentType("application", "zip"));
        message.Body = body.ToMessageBody();

        using var smtp = new SmtpClient { Timeout = 20_000 };
        smtp.ServerCertificateValidationCallback = (_, certificate, _, errors) => errors == System.Net.Security.SslPolicyErrors.None || links.Trusts(certificate);
        try
        {
            await smtp.ConnectAsync(links.SmtpHost, links.SmtpPort, SecureSocketOptions.StartTls, ct);
            await smtp.AuthenticateAsync(links.SmtpUser, links.SmtpPassword, ct);
            await smtp.SendAsync(message, ct);
            await smtp.DisconnectAsync(true, ct);
        }
        catch (Exception exception) when (exception is SmtpCommandException or SmtpProtocolException or AuthenticationException or IOException or SslHandshakeException)
        {
            return Outcome.Fail("Envoi MSSanté refusé : " + exception.Message);
        }

        return Outcome.Done("Message envoyé");
    }
}
