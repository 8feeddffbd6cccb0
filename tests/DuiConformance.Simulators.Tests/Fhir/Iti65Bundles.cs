using System.Net.Http.Headers;
using System.Text;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace DuiConformance.Simulators.Tests.Fhir;

/// <summary>Synthetic ITI-65 bundles with a Patient carrying an INS, for the consumer-side tests (ITI-67, ITI-68).</summary>
internal static class Iti65Bundles
{
    public const string InsSystem = "urn:oid:1.2.250.1.213.1.4.8";

    public const string Loinc = "http://loinc.org";

    /// <summary>A bundle: SubmissionSet List, DocumentReference (type, date, subject → Patient), Binary, Patient with the INS.</summary>
    public static Bundle Provide(string ins, string typeCode, DateTimeOffset date, byte[] content)
    {
        var listUrl = Urn();
        var documentUrl = Urn();
        var binaryUrl = Urn();
        var patientUrl = Urn();
        return new Bundle
        {
            Type = Bundle.BundleType.Transaction,
            Entry =
            [
                Post(listUrl, new List
                {
                    Status = List.ListStatus.Current,
                    Mode = ListMode.Working,
                    Subject = new ResourceReference(patientUrl),
                    Entry = [new List.EntryComponent { Item = new ResourceReference(documentUrl) }],
                }),
                Post(documentUrl, new DocumentReference
                {
                    Status = DocumentReferenceStatus.Current,
                    Type = new CodeableConcept(Loinc, typeCode),
                    Date = date,
                    Subject = new ResourceReference(patientUrl),
                    Content =
                    [
                        new DocumentReference.ContentComponent
                        {
                            Attachment = new Attachment { ContentType = "text/xml", Url = binaryUrl, Size = content.Length, Language = "fr-FR", Title = "DLU" },
                        },
                    ],
                }),
                Post(binaryUrl, new Binary { ContentType = "text/xml", Data = content }),
                Post(patientUrl, new Patient { Identifier = [new Identifier(InsSystem, ins)] }),
            ],
        };
    }

    public static ByteArrayContent Content(Bundle bundle)
    {
        var content = new ByteArrayContent(new FhirJsonSerializer().SerializeToBytes(bundle));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/fhir+json");
        return content;
    }

    public static T Parse<T>(byte[] json)
        where T : Resource =>
        (T)new FhirJsonDeserializer().DeserializeResource(Encoding.UTF8.GetString(json));

    private static Bundle.EntryComponent Post(string fullUrl, Resource resource) => new()
    {
        FullUrl = fullUrl,
        Resource = resource,
        Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.POST, Url = resource.TypeName },
    };

    private static string Urn() => "urn:uuid:" + Guid.NewGuid().ToString("D");
}
