using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using DuiConformance.Core.Evidence;

namespace DuiConformance.Core.Tests.Checks;

/// <summary>Builds in-memory evidence (zips, messages, ITI-65 bodies) for tests that need inputs no fixture file holds.</summary>
public static class TestEvidence
{
    public static readonly IReadOnlyDictionary<string, string> TlsSession = new Dictionary<string, string>
    {
        [SmtpProperties.Session] = "s-test",
        [SmtpProperties.Tls] = "true",
        [SmtpProperties.TlsProtocol] = "Tls13",
        [SmtpProperties.AuthMechanism] = "PLAIN",
        [SmtpProperties.AuthBeforeTls] = "false",
    };

    public static byte[] Zip(params (string Path, byte[] Content)[] files)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, content) in files)
            {
                var entry = archive.CreateEntry(path, CompressionLevel.SmallestSize);
                using var stream = entry.Open();
                stream.Write(content);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>A multipart/mixed message with a text part and <paramref name="zip"/> attached as <paramref name="fileName"/>.</summary>
    public static byte[] Eml(byte[]? zip, string extraHeaders = "", string fileName = "IHE_XDM.ZIP", string messageId = "<t-1@test.invalid>")
    {
        var text = new StringBuilder();
        text.Append("From: Test <test@ehpad.mssante.fr>\r\n");
        text.Append("To: <dest@medecin.mssante.fr>\r\n");
        text.Append("Date: Wed, 15 Jan 2025 10:00:00 +0100\r\n");
        text.Append(CultureInfo.InvariantCulture, $"Message-ID: {messageId}\r\n");
        text.Append("Subject: test\r\nMIME-Version: 1.0\r\nX-MSS-NIL: TEST\r\n");
        text.Append(extraHeaders);
        if (zip is null)
        {
            text.Append("Content-Type: text/plain; charset=us-ascii\r\n\r\nBonjour.\r\n");
            return Encoding.ASCII.GetBytes(text.ToString());
        }

        text.Append("Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n--b1\r\nContent-Type: text/plain\r\n\r\nBonjour.\r\n--b1\r\n");
        text.Append(CultureInfo.InvariantCulture, $"Content-Type: application/zip; name=\"{fileName}\"\r\nContent-Disposition: attachment; filename=\"{fileName}\"\r\n");
        text.Append("Content-Transfer-Encoding: base64\r\n\r\n");
        var encoded = Convert.ToBase64String(zip);
        for (var index = 0; index < encoded.Length; index += 76)
        {
            text.Append(encoded.AsSpan(index, Math.Min(76, encoded.Length - index))).Append("\r\n");
        }

        text.Append("--b1--\r\n");
        return Encoding.ASCII.GetBytes(text.ToString());
    }

    /// <summary>An ITI-65 transaction with one Binary holding <paramref name="document"/> and a DocumentReference pointing at it.</summary>
    public static byte[] Bundle(byte[] document)
    {
        var hash = Convert.ToBase64String(SHA1.HashData(document));
        var json = $$$"""
            {"resourceType":"Bundle","type":"transaction","entry":[
              {"fullUrl":"urn:uuid:00000000-0000-4000-8000-000000000001","resource":{"resourceType":"List","status":"current","mode":"working",
                "code":{"coding":[{"code":"submissionset"}]}},"request":{"method":"POST","url":"List"}},
              {"fullUrl":"urn:uuid:00000000-0000-4000-8000-000000000002","resource":{"resourceType":"DocumentReference","status":"current",
                "content":[{"attachment":{"contentType":"text/xml","url":"urn:uuid:00000000-0000-4000-8000-000000000003","size":{{{document.Length}}},"hash":"{{{hash}}}"}}]},
                "request":{"method":"POST","url":"DocumentReference"}},
              {"fullUrl":"urn:uuid:00000000-0000-4000-8000-000000000003","resource":{"resourceType":"Binary","contentType":"text/xml",
                "data":"{{{Convert.ToBase64String(document)}}}"},"request":{"method":"POST","url":"Binary"}}]}
            """;
        return Encoding.UTF8.GetBytes(json);
    }

    public static (EvidenceItem Item, byte[] Content) Mail(byte[] content, string id = "ev-mail", IReadOnlyDictionary<string, string>? properties = null) =>
        (Item(id, EvidenceKinds.SmtpMessage, content, properties ?? TlsSession), content);

    public static (EvidenceItem Item, byte[] Content) Iti65(byte[] content, string id = "ev-fhir") =>
        (Item(id, EvidenceKinds.FhirRequest, content, new Dictionary<string, string>
        {
            [FhirProperties.Method] = "POST",
            [FhirProperties.Path] = "/",
            [FhirProperties.Interaction] = "ITI-65",
        }), content);

    private static EvidenceItem Item(string id, string kind, byte[] content, IReadOnlyDictionary<string, string> properties) =>
        new(id, kind, EvidenceTags.Untagged("test"), Convert.ToHexStringLower(SHA256.HashData(content)), id, "application/octet-stream",
            content.LongLength, DateTimeOffset.UnixEpoch, properties);
}
