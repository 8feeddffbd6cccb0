using System.Net.Http.Headers;
using System.Security.Cryptography;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace DuiConformance.Simulators.Tests.Fhir;

/// <summary>
/// Synthetic PDSm resources with the metadata ITI-66 / ITI-67 search on (category, context, securityLabel, format,
/// isArchived, SubmissionSet extensions), and ITI-105 publications. Values follow domain.md §3.4–3.5.
/// </summary>
internal static class PdsmDocuments
{
    public const string InsSystem = "urn:oid:1.2.250.1.213.1.4.8";
    public const string ClassCodes = "urn:oid:1.2.250.1.213.1.1.4.1";
    public const string FacilityTypes = "https://mos.esante.gouv.fr/NOS/TRE_R02-SecteurActivite/FHIR/TRE-R02-SecteurActivite";
    public const string PracticeSettings = "https://mos.esante.gouv.fr/NOS/TRE_A00-ProducteurDocNonPS/FHIR/TRE-A00-ProducteurDocNonPS";
    public const string Visibility = "https://mos.esante.gouv.fr/NOS/TRE_A07-StatutVisibiliteDocument/FHIR/TRE-A07-StatutVisibiliteDocument";
    public const string Confidentiality = "http://terminology.hl7.org/CodeSystem/v3-Confidentiality";
    public const string Formats = "urn:oid:1.3.6.1.4.1.19376.1.2.3";
    public const string IsArchived = "https://interop.esante.gouv.fr/ig/fhir/pdsm/StructureDefinition/pdsm-ext-is-archived";
    public const string DesignationType = "https://profiles.ihe.net/ITI/MHD/StructureDefinition/ihe-designationType";
    public const string SourceId = "https://profiles.ihe.net/ITI/MHD/StructureDefinition/ihe-sourceId";
    public const string ListTypes = "https://profiles.ihe.net/ITI/MHD/CodeSystem/MHDlistTypes";

    /// <summary>What varies between the test documents.</summary>
    public sealed record Metadata(
        string Ins,
        string Category = "10",
        string Facility = "SA07",
        string Setting = "ETABLISSEMENT",
        string Format = "urn:asip:ci-sis:dlu:2015",
        string Label = "N",
        bool? Archived = null,
        string PeriodStart = "2026-03-01T08:00:00+01:00",
        string? PeriodEnd = "2026-03-05T18:00:00+01:00",
        string DesignationCode = "SA07",
        string SourceOid = "urn:oid:1.2.250.1.999.3",
        string MasterIdentifier = "");

    /// <summary>An ITI-65 transaction: SubmissionSet List, DocumentReference, Binary, Patient with the INS.</summary>
    public static Bundle Transaction(Metadata metadata)
    {
        var listUrl = Urn();
        var documentUrl = Urn();
        var binaryUrl = Urn();
        var patientUrl = Urn();
        var content = "<ClinicalDocument xmlns=\"urn:hl7-org:v3\"/>"u8.ToArray();
        var document = Document(metadata, patientUrl);
        document.Content[0].Attachment.Url = binaryUrl;
        document.Content[0].Attachment.SizeElement = new UnsignedInt(content.Length);
        document.Content[0].Attachment.Hash = SHA1.HashData(content);
        var list = new List
        {
            Status = List.ListStatus.Current,
            Mode = ListMode.Working,
            Code = new CodeableConcept(ListTypes, "submissionset"),
            Subject = new ResourceReference(patientUrl),
            Date = "2026-03-05T18:30:00+01:00",
            Source = new ResourceReference { Identifier = new Identifier("urn:oid:1.2.250.1.71.4.2.1", "810002345678") },
            Identifier = [new Identifier("urn:ietf:rfc:3986", "urn:oid:1.2.250.1.999.4." + Random.Shared.Next(1, int.MaxValue)) { Use = Identifier.IdentifierUse.Usual }],
            Entry = [new List.EntryComponent { Item = new ResourceReference(documentUrl) }],
        };
        list.SetExtension(DesignationType, new CodeableConcept(FacilityTypes, metadata.DesignationCode));
        list.SetExtension(SourceId, new Identifier { Value = metadata.SourceOid });
        return new Bundle
        {
            Type = Bundle.BundleType.Transaction,
            Entry =
            [
                Post(listUrl, list),
                Post(documentUrl, document),
                Post(binaryUrl, new Binary { ContentType = "text/xml", Data = content }),
                Post(patientUrl, new Patient { Identifier = [new Identifier(InsSystem, metadata.Ins)] }),
            ],
        };
    }

    /// <summary>A PDSm DocumentReference without content location (set by the caller), subject → <paramref name="patient"/>.</summary>
    public static DocumentReference Document(Metadata metadata, string patient)
    {
        var master = metadata.MasterIdentifier.Length > 0 ? metadata.MasterIdentifier : "urn:uuid:" + Guid.NewGuid().ToString("D");
        var document = new DocumentReference
        {
            MasterIdentifier = new Identifier("urn:ietf:rfc:3986", master),
            Status = DocumentReferenceStatus.Current,
            Type = new CodeableConcept("http://loinc.org", "74207-2"),
            Category = [new CodeableConcept(ClassCodes, metadata.Category)],
            Subject = new ResourceReference(patient),
            Date = new DateTimeOffset(2026, 3, 5, 18, 0, 0, TimeSpan.FromHours(1)),
            Author = [new ResourceReference { Identifier = new Identifier("urn:oid:1.2.250.1.71.4.2.1", "810002345678") }],
            Custodian = new ResourceReference { Identifier = new Identifier("urn:oid:1.2.250.1.71.4.2.2", "1999000001") },
            SecurityLabel = [new CodeableConcept(metadata.Label == "N" ? Confidentiality : Visibility, metadata.Label)],
            Content =
            [
                new DocumentReference.ContentComponent
                {
                    Attachment = new Attachment { ContentType = "text/xml", Language = "fr-FR", Title = "Dossier de liaison d'urgence" },
                    Format = new Coding(Formats, metadata.Format),
                },
            ],
            Context = new DocumentReference.ContextComponent
            {
                Period = new Period { Start = metadata.PeriodStart, End = metadata.PeriodEnd },
                FacilityType = new CodeableConcept(FacilityTypes, metadata.Facility),
                PracticeSetting = new CodeableConcept(PracticeSettings, metadata.Setting),
            },
        };
        if (metadata.Archived is { } archived)
        {
            document.SetExtension(IsArchived, new FhirBoolean(archived));
        }

        return document;
    }

    /// <summary>An ITI-105 publication: the document inline in attachment.data, no url.</summary>
    public static DocumentReference Publication(string ins, byte[] data)
    {
        var document = Document(new Metadata(ins), "Patient/usager-0001");
        document.Subject = new ResourceReference { Identifier = new Identifier(InsSystem, ins) };
        document.Content[0].Attachment.Data = data;
        return document;
    }

    public static ByteArrayContent Json(Resource resource)
    {
        var content = new ByteArrayContent(new FhirJsonSerializer().SerializeToBytes(resource));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/fhir+json");
        return content;
    }

    private static Bundle.EntryComponent Post(string fullUrl, Resource resource) => new()
    {
        FullUrl = fullUrl,
        Resource = resource,
        Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.POST, Url = resource.TypeName },
    };

    private static string Urn() => "urn:uuid:" + Guid.NewGuid().ToString("D");
}
