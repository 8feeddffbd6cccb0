using System.Security.Cryptography;
using System.Text.Json;
using DuiConformance.ReferenceDui.Identity;
using DuiConformance.ReferenceDui.Sharing;
using DuiConformance.ReferenceDui.Storage;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace DuiConformance.ReferenceDui.Dmp;

/// <summary>
/// Builds the ITI-65 "Provide Document Bundle" transaction (PDSm comprehensive, domain.md §3.4) that publishes one
/// stored CDA to the DMP: a SubmissionSet List, a DocumentReference, the Binary holding the CDA bytes and the
/// Patient. Every entry is a POST with a <c>urn:uuid:</c> fullUrl. The defect <c>dmp-hash-mismatch</c> declares the
/// SHA-1 of altered bytes (the size stays right) and changes nothing else.
/// </summary>
internal sealed class ProvideDocumentBundleBuilder
{
    private const string PdsmProfiles = "https://interop.esante.gouv.fr/ig/fhir/pdsm/StructureDefinition/";
    private const string FrCore = "https://hl7.fr/ig/fhir/core/";
    private const string Rfc3986 = "urn:ietf:rfc:3986";

    private static readonly JsonSerializerOptions JsonOptions = new JsonSerializerOptions().ForFhir().Pretty();

    private readonly OrganisationProfile _organisation;

    public ProvideDocumentBundleBuilder(OrganisationProfile organisation)
    {
        _organisation = organisation ?? throw new ArgumentNullException(nameof(organisation));
    }

    /// <summary>The identifiers minted for one submission (fresh per publication).</summary>
    public sealed record Identifiers(Guid SubmissionSetEntryUuid, string SubmissionSetUniqueId, Guid DocumentEntryUuid, Guid BinaryUuid, Guid PatientUuid)
    {
        /// <summary>New random identifiers.</summary>
        public static Identifiers New() => new(Guid.NewGuid(), Oids.NewRandom(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
    }

    /// <summary>
    /// Builds the transaction bundle for <paramref name="document"/> about <paramref name="usager"/>; with <paramref name="replaces"/>,
    /// the DocumentReference carries relatesTo replaces naming that earlier version (PDSm, PDSm4DMP TD2.1).
    /// </summary>
    public Bundle Build(Usager usager, StoredDocument document, DateTimeOffset submissionTime, Identifiers ids, StoredDocument? replaces = null)
    {
        ArgumentNullException.ThrowIfNull(usager);
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(ids);

        var patientUrl = Urn(ids.PatientUuid);
        var documentReferenceUrl = Urn(ids.DocumentEntryUuid);
        var binaryUrl = Urn(ids.BinaryUuid);
        var submissionSetUrl = Urn(ids.SubmissionSetEntryUuid);

        var bundle = new Bundle
        {
            Meta = new Meta { Profile = [PdsmProfiles + "pdsm-comprehensive-provide-document-bundle"] },
            Type = Bundle.BundleType.Transaction,
        };
        AddPost(bundle, submissionSetUrl, SubmissionSet(ids, patientUrl, documentReferenceUrl, submissionTime));
        var documentReference = DocumentReference(usager, document, ids, patientUrl, binaryUrl, submissionTime);
        if (replaces is not null && !_organisation.Has(ReferenceDuiDefects.ReplacementWithoutRelatesTo))
        {
            // Note: PDSm st_ajout.md, a replacement carries relatesTo; the target is the replaced DocumentReference, named
            // by its masterIdentifier (a logical reference), so the DUI needs no server id (domain.md §3.4, PDSM-11).
            documentReference.RelatesTo.Add(new DocumentReference.RelatesToComponent
            {
                Code = DocumentRelationshipType.Replaces,
                Target = new ResourceReference { Identifier = new Identifier(Rfc3986, "urn:oid:" + replaces.DocumentOid) },
            });
        }

        AddPost(bundle, documentReferenceUrl, documentReference);
        AddPost(bundle, binaryUrl, new Binary { ContentType = SharingCodes.CdaMimeType, Data = document.CdaBytes });
        AddPost(bundle, patientUrl, Patient(usager, contained: false));
        return bundle;
    }

    /// <summary>
    /// The ITI-105 simplified publication of <paramref name="document"/> (PDSm_SimplifiedPublish, domain.md §3.4, PDSM-08):
    /// the DocumentReference of <see cref="Build"/>, standing alone: the CDA inline in <c>attachment.data</c>, no
    /// <c>url</c>, the patient as the contained <c>#source-patient</c>; no declared size nor hash (the DMP computes them).
    /// </summary>
    public DocumentReference BuildSimplified(Usager usager, StoredDocument document, DateTimeOffset submissionTime, Identifiers ids)
    {
        var bundle = Build(usager, document, submissionTime, ids);
        var documentReference = bundle.Entry.Select(entry => entry.Resource).OfType<DocumentReference>().Single();
        documentReference.Meta = null;
        documentReference.Subject = new ResourceReference("#source-patient");
        var attachment = documentReference.Content[0].Attachment;

        // Note: deliberate defect iti105-with-url (DUI-DMP-14): the ITI-65 Binary link is left in place (url 0..0 in ITI-105).
        attachment.Url = _organisation.Has(ReferenceDuiDefects.Iti105WithUrl) ? attachment.Url : null;
        attachment.Data = document.CdaBytes;

        // Note: size and hash are optional in ITI-105 (the Document Recipient computes them); leaving them out keeps the
        // defect dmp-hash-mismatch on the ITI-65 path only, where DUI-DMP-03 judges it.
        attachment.SizeElement = null;
        attachment.Hash = null;
        return documentReference;
    }

    /// <summary>The exact request body of an ITI-105 publication (FHIR JSON, UTF-8).</summary>
    public static byte[] Serialize(DocumentReference documentReference) => JsonSerializer.SerializeToUtf8Bytes(documentReference, JsonOptions);

    /// <summary>The exact request body: the bundle as FHIR JSON (UTF-8).</summary>
    public static byte[] Serialize(Bundle bundle) => JsonSerializer.SerializeToUtf8Bytes(bundle, JsonOptions);

    /// <summary>
    /// The SHA-1 the DocumentReference declares: the one of the CDA bytes, or with the defect, the one of the bytes
    /// with their first byte altered.
    /// </summary>
    public byte[] DeclaredHash(byte[] cdaBytes)
    {
        ArgumentNullException.ThrowIfNull(cdaBytes);
        if (!_organisation.Has(ReferenceDuiDefects.DmpHashMismatch) || cdaBytes.Length == 0)
        {
            return SHA1.HashData(cdaBytes);
        }

        // Note: deliberate defect (DUI-DMP-03), a realistic bug: hashing a buffer that was modified after hashing.
        var altered = (byte[])cdaBytes.Clone();
        altered[0] ^= 0x01;
        return SHA1.HashData(altered);
    }

    private List SubmissionSet(Identifiers ids, string patientUrl, string documentReferenceUrl, DateTimeOffset submissionTime)
    {
        var list = new List
        {
            Meta = new Meta { Profile = [PdsmProfiles + "pdsm-submissionset-comprehensive"] },
            Contained = [SourcePractitionerRole()],
            Extension =
            [
                new Extension("https://profiles.ihe.net/ITI/MHD/StructureDefinition/ihe-designationType",
                    Concept(SharingCodes.ContentType)),
                new Extension("https://profiles.ihe.net/ITI/MHD/StructureDefinition/ihe-sourceId",
                    new Identifier(Rfc3986, "urn:oid:" + _organisation.Oid)),
            ],
            Identifier =
            [
                new Identifier(Rfc3986, "urn:oid:" + ids.SubmissionSetUniqueId) { Use = Identifier.IdentifierUse.Usual },
                new Identifier(Rfc3986, Urn(ids.SubmissionSetEntryUuid)) { Use = Identifier.IdentifierUse.Official },
            ],
            Status = List.ListStatus.Current,
            Mode = ListMode.Working,
            Code = new CodeableConcept("https://profiles.ihe.net/ITI/MHD/CodeSystem/MHDlistTypes", "submissionset"),
            Subject = new ResourceReference(patientUrl),
            DateElement = new FhirDateTime(submissionTime),
            Source = new ResourceReference("#source"),
            Entry = [new List.EntryComponent { Item = new ResourceReference(documentReferenceUrl) }],
        };
        return list;
    }

    private DocumentReference DocumentReference(
        Usager usager, StoredDocument document, Identifiers ids, string patientUrl, string binaryUrl, DateTimeOffset submissionTime)
    {
        var sourcePatient = Patient(usager, contained: true);
        sourcePatient.Id = "source-patient";

        return new DocumentReference
        {
            Meta = new Meta { Profile = [PdsmProfiles + "pdsm-comprehensive-document-reference"] },
            Contained = [AuthorPractitioner(), CustodianOrganization(), sourcePatient],
            MasterIdentifier = new Identifier(Rfc3986, "urn:oid:" + document.DocumentOid),
            Identifier = [new Identifier(Rfc3986, Urn(ids.DocumentEntryUuid)) { Use = Identifier.IdentifierUse.Official }],
            Status = DocumentReferenceStatus.Current,
            Type = Concept(SharingCodes.Type),
            Category = [Concept(SharingCodes.Class)],
            Subject = new ResourceReference(patientUrl),
            DateElement = new Instant(submissionTime),
            Author = [new ResourceReference("#author")],
            Custodian = new ResourceReference("#custodian"),
            SecurityLabel = [Concept(SharingCodes.Confidentiality)],
            Content =
            [
                new DocumentReference.ContentComponent
                {
                    Attachment = new Attachment
                    {
                        ContentType = SharingCodes.CdaMimeType,
                        Language = SharingCodes.Language,
                        Url = binaryUrl,
                        // Note: R4 types Attachment.size as unsignedInt (a JSON number); the SDK's Size property would
                        // create an R5 integer64, serialized as a JSON string.
                        SizeElement = new UnsignedInt(document.CdaBytes.Length),
                        Hash = DeclaredHash(document.CdaBytes),
                        Title = document.Title,
                        CreationElement = new FhirDateTime(document.EffectiveTime),
                    },
                    Format = Coding(SharingCodes.Format),
                },
            ],
            Context = new DocumentReference.ContextComponent
            {
                Period = new Period { StartElement = new FhirDateTime(document.ServiceStartTime) },
                FacilityType = Concept(SharingCodes.FacilityType),
                PracticeSetting = Concept(SharingCodes.PracticeSetting),
                SourcePatientInfo = new ResourceReference("#source-patient"),
            },
        };
    }

    private Patient Patient(Usager usager, bool contained)
    {
        var officialName = new HumanName
        {
            Use = HumanName.NameUse.Official,
            Family = usager.BirthName,
            // Note: FR Core INS, exactly one given name (the first birth given name), the full list in an extension.
            Given = [usager.FirstGivenName],
        };
        officialName.Extension.Add(new Extension(FrCore + "StructureDefinition/fr-core-patient-birth-list-given-name",
            new FhirString(usager.BirthGivenNames)));

        var patient = new Patient
        {
            Meta = contained
                ? null
                : new Meta { Profile = [FrCore + (usager.HasQualifiedIns ? "StructureDefinition/fr-core-patient-ins" : "StructureDefinition/fr-core-patient")] },
            Extension =
            [
                new Extension
                {
                    Url = FrCore + "StructureDefinition/fr-core-identity-reliability",
                    Extension =
                    [
                        new Extension("identityStatus",
                            new Coding(FrCore + "CodeSystem/fr-core-cs-v2-0445", IdentityStatusCodes.Code(usager.Status))),
                    ],
                },
                new Extension("http://hl7.org/fhir/StructureDefinition/patient-birthPlace", BirthPlace(usager)),
            ],
            Name = [officialName],
            Gender = usager.Sex == "F" ? AdministrativeGender.Female : AdministrativeGender.Male,
            BirthDate = usager.BirthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        };

        if (usager.HasQualifiedIns)
        {
            // Note: the INS is conveyed only for a qualified identity (domain.md §2.4), FR Core slice INS-NIR.
            // Note: FR Core slices, an INS-NIA (OID 1.2.250.1.213.1.4.9) has use=temp, every INS-NIR use=official (domain.md §2.3).
            var nia = usager.InsOid == "1.2.250.1.213.1.4.9";
            patient.Identifier.Add(new Identifier("urn:oid:" + (usager.InsOid ?? _organisation.InsOid), usager.Ins)
            {
                Use = nia ? Identifier.IdentifierUse.Temp : Identifier.IdentifierUse.Official,
                Type = new CodeableConcept(FrCore + "CodeSystem/fr-core-cs-v2-0203", nia ? "INS-NIA" : "INS-NIR"),
            });
        }

        patient.Identifier.Add(new Identifier("urn:oid:" + _organisation.IppOid, usager.Ipp)
        {
            Use = Identifier.IdentifierUse.Usual,
            Type = new CodeableConcept { Coding = [new Coding("http://terminology.hl7.org/CodeSystem/v2-0203", "PI", "Patient internal identifier")] },
        });

        if (usager.UsedName is not null)
        {
            patient.Name.Add(new HumanName { Use = HumanName.NameUse.Usual, Family = usager.UsedName });
        }

        return patient;
    }

    private static Address BirthPlace(Usager usager)
    {
        var address = new Address();
        address.Extension.Add(new Extension(FrCore + "StructureDefinition/fr-core-address-insee-code",
            new Coding("https://mos.esante.gouv.fr/NOS/TRE_R13-CommuneOM/FHIR/TRE-R13-CommuneOM", usager.BirthPlace)));
        return address;
    }

    private Practitioner AuthorPractitioner() =>
        new()
        {
            Id = "author",
            Identifier =
            [
                new Identifier("https://rpps.esante.gouv.fr", _organisation.AuthorRpps),
                new Identifier("urn:oid:" + OrganisationProfile.IdNatPsOid, _organisation.AuthorIdNatPs)
                {
                    Type = new CodeableConcept(FrCore + "CodeSystem/fr-core-cs-v2-0203", "IDNPS"),
                },
            ],
            Name = [new HumanName { Family = _organisation.AuthorFamily, Given = [_organisation.AuthorGiven] }],
        };

    private Organization CustodianOrganization() =>
        new()
        {
            Id = "custodian",
            Identifier =
            [
                new Identifier("urn:oid:" + OrganisationProfile.IdNatStOid, _organisation.IdNatSt)
                {
                    Type = new CodeableConcept(FrCore + "CodeSystem/fr-core-cs-v2-0203", "IDNST"),
                },
                new Identifier("https://finess.esante.gouv.fr", _organisation.Finess),
            ],
            Name = _organisation.Name,
        };

    private PractitionerRole SourcePractitionerRole() =>
        new()
        {
            Id = "source",
            Practitioner = new ResourceReference
            {
                Identifier = new Identifier("https://rpps.esante.gouv.fr", _organisation.AuthorRpps),
                Display = _organisation.AuthorGiven + " " + _organisation.AuthorFamily,
            },
            Organization = new ResourceReference
            {
                Identifier = new Identifier("https://finess.esante.gouv.fr", _organisation.Finess),
                Display = _organisation.Name,
            },
        };

    private static void AddPost(Bundle bundle, string fullUrl, Resource resource) =>
        bundle.Entry.Add(new Bundle.EntryComponent
        {
            FullUrl = fullUrl,
            Resource = resource,
            Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.POST, Url = resource.TypeName },
        });

    private static CodeableConcept Concept(SharingCodes.Code code) => new() { Coding = [Coding(code)] };

    private static Coding Coding(SharingCodes.Code code) => new(code.FhirSystem, code.Value, code.Display);

    private static string Urn(Guid id) => "urn:uuid:" + id.ToString("D");
}
