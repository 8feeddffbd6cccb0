using System.IO.Compression;
using DuiConformance.Core.Evidence;
using DuiConformance.Core.Reporting;

namespace DuiConformance.Core.Tests.Reporting;

public sealed class EvidenceExcerptsTests
{
    private static EvidenceItem Item(string id, string file, string mediaType) =>
        new(id, "x", EvidenceTags.Untagged("run"), new string('0', 64), file, mediaType, 1, DateTimeOffset.UnixEpoch, new Dictionary<string, string>());

    [Test]
    public void Excerpts_show_message_headers_shortened_fhir_json_and_the_xdm_listing_with_the_cda_start()
    {
        var directory = Directory.CreateTempSubdirectory("dui-excerpts-");
        try
        {
            var objects = Directory.CreateDirectory(Path.Combine(directory.FullName, "objects")).FullName;
            File.WriteAllText(Path.Combine(objects, "a.eml"), "From: a@b.fr\r\nX-MSS-NIL: REF\r\n\r\nbody that must not show");
            File.WriteAllText(Path.Combine(objects, "b.json"), "{\"resourceType\":\"Binary\",\"data\":\"" + new string('A', 5000) + "\"}");
            using (var zip = ZipFile.Open(Path.Combine(objects, "c.zip"), ZipArchiveMode.Create))
            {
                using (var writer = new StreamWriter(zip.CreateEntry("IHE_XDM/SUBSET01/METADATA.XML").Open()))
                {
                    writer.Write("<SubmitObjectsRequest/>");
                }

                using (var writer = new StreamWriter(zip.CreateEntry("IHE_XDM/SUBSET01/DOC0001.XML").Open()))
                {
                    writer.Write("<ClinicalDocument><realmCode code=\"FR\"/></ClinicalDocument>");
                }
            }

            var excerpts = EvidenceExcerpts.Read(directory.FullName,
            [
                Item("ev-1", "objects/a.eml", "message/rfc822"),
                Item("ev-2", "objects/b.json", "application/fhir+json"),
                Item("ev-3", "objects/c.zip", "application/zip"),
                Item("ev-4", "../outside.txt", "text/plain"),
            ]);

            excerpts["ev-1"].ShouldBe("From: a@b.fr\r\nX-MSS-NIL: REF");
            excerpts["ev-2"].ShouldContain("\"data\": \"" + new string('A', 60) + "… (5000 car.)\"");
            excerpts["ev-3"].ShouldContain("IHE_XDM/SUBSET01/METADATA.XML");
            excerpts["ev-3"].ShouldContain("IHE_XDM/SUBSET01/DOC0001.XML :\n<ClinicalDocument><realmCode code=\"FR\"/>");
            excerpts.ContainsKey("ev-4").ShouldBeFalse();
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
