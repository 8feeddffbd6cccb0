using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Security.Cryptography;
using System.Text;

namespace DuiConformance.SecondSut;

/// <summary>Writes IHE_XDM.ZIP (IHE ITI TF-1 §16): INDEX.HTM, README.TXT, IHE_XDM/SUBSET01/METADATA.XML (ebRIM 3.0) and the document.</summary>
public static class XdmArchive
{
    public static byte[] Build(Letter letter, Resident resident)
    {
        var sha1 = Convert.ToHexStringLower(SHA1.HashData(letter.Cda));
        var documentId = "urn:uuid:" + Guid.NewGuid();
        var metadata = $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <lcm:SubmitObjectsRequest xmlns:lcm="urn:oasis:names:tc:ebxml-regrep:xsd:lcm:3.0" xmlns:rim="urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0">
              <rim:RegistryObjectList>
                <rim:ExtrinsicObject id="{documentId}" mimeType="text/xml" objectType="urn:uuid:7edca82f-054d-47f2-a032-9b2a5b5186c1">
                  <rim:Slot name="hash"><rim:ValueList><rim:Value>{sha1}</rim:Value></rim:ValueList></rim:Slot>
                  <rim:Slot name="size"><rim:ValueList><rim:Value>{letter.Cda.Length.ToString(CultureInfo.InvariantCulture)}</rim:Value></rim:ValueList></rim:Slot>
                  <rim:Slot name="URI"><rim:ValueList><rim:Value>DOC0001.XML</rim:Value></rim:ValueList></rim:Slot>
                  <rim:Slot name="languageCode"><rim:ValueList><rim:Value>fr-FR</rim:Value></rim:ValueList></rim:Slot>
                  <rim:Slot name="sourcePatientId"><rim:ValueList><rim:Value>{resident.Number.ToString("D8", CultureInfo.InvariantCulture)}^^^&amp;{SecondSutIds.IppRoot}&amp;ISO^PI</rim:Value></rim:ValueList></rim:Slot>
                  <rim:Name><rim:LocalizedString xml:lang="fr-FR" value="Document de liaison d'urgence"/></rim:Name>
                </rim:ExtrinsicObject>
                <rim:RegistryPackage id="urn:uuid:{Guid.NewGuid()}">
                  <rim:Name><rim:LocalizedString xml:lang="fr-FR" value="{SecurityElement.Escape("DLU " + resident.BirthName)}"/></rim:Name>
                </rim:RegistryPackage>
              </rim:RegistryObjectList>
            </lcm:SubmitObjectsRequest>
            """;
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "INDEX.HTM", Encoding.UTF8.GetBytes("<html><body><p>Document de liaison d'urgence : <a href=\"IHE_XDM/SUBSET01/DOC0001.XML\">DOC0001.XML</a></p></body></html>"));
            Add(zip, "README.TXT", Encoding.UTF8.GetBytes("Second SUT DuiConformance 1.0 - archive IHE XDM d'un document de liaison d'urgence.\r\n"));
            Add(zip, "IHE_XDM/SUBSET01/METADATA.XML", Encoding.UTF8.GetBytes(metadata));
            Add(zip, "IHE_XDM/SUBSET01/DOC0001.XML", letter.Cda);
        }

        return buffer.ToArray();
    }

    private static void Add(ZipArchive zip, string name, byte[] bytes)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        stream.Write(bytes);
    }
}
