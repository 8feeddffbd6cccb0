using System.Security.Cryptography;
using System.Text;
using DuiConformance.Core.Evidence;

namespace DuiConformance.Core.Tests.Checks.Ins;

/// <summary>Synthetic INS evidence: INSi exchanges as the simulator records them, ITI-65 bundles with a Patient and a CDA.</summary>
internal static class InsTestEvidence
{
    public const string Martineau = "242056912345661";

    public static (EvidenceItem Item, byte[] Content) InsiRequest(string id, string birthName = "MARTINEAU", string given = "HELENE", string sex = "F",
        string date = "1942-05-17", bool clientCertificate = true, string messageId = "uuid:1f7a3c1e-0000-4000-8000-000000000003",
        string lpsName = "urn:lps:dui:0.1.0", string envelope = "http://www.w3.org/2003/05/soap-envelope")
    {
        var body = $"""
            <soap:Envelope xmlns:soap="{envelope}" xmlns:wsa="http://www.w3.org/2005/08/addressing"><soap:Header>
            <wsa:Action>urn:ServiceIdentiteCertifiee:1.0.0:rechercherInsAvecTraitsIdentite</wsa:Action><wsa:MessageID>{messageId}</wsa:MessageID>
            <ctxlps:ContexteLPS xmlns:ctxlps="urn:siram:lps"><ctxlps:LPS><ctxlps:IDAM R="4">X</ctxlps:IDAM><ctxlps:Version>1</ctxlps:Version>
            <ctxlps:Instance>i</ctxlps:Instance><ctxlps:Nom>{lpsName}</ctxlps:Nom></ctxlps:LPS></ctxlps:ContexteLPS></soap:Header>
            <soap:Body><insi:RECSANSVITALE xmlns:insi="http://www.cnamts.fr/INSiRecSans"><NomNaissance>{birthName}</NomNaissance><Prenom>{given}</Prenom>
            <Sexe>{sex}</Sexe><DateNaissance>{date}</DateNaissance></insi:RECSANSVITALE></soap:Body></soap:Envelope>
            """;
        return Item(id, EvidenceKinds.InsiRequest, Encoding.UTF8.GetBytes(body), new Dictionary<string, string>
        {
            [InsiProperties.ClientCertificate] = clientCertificate ? "true" : "false",
            [InsiProperties.ClientSubject] = clientCertificate ? "CN=DUI" : "",
        });
    }

    public static (EvidenceItem Item, byte[] Content) InsiResponse(string id, string requestId, string code, string? matricule = Martineau,
        string oid = "1.2.250.1.213.1.4.8", string birthName = "MARTINEAU", string givenNames = "HELENE MARIE LOUISE", string sex = "F",
        string date = "1942-05-17", string place = "69123")
    {
        var individu = code == "00"
            ? $"""
              <INDIVIDU><INSACTIF><IdIndividu><NumIdentifiant>{matricule![..13]}</NumIdentifiant><Cle>{matricule[13..]}</Cle></IdIndividu><OID>{oid}</OID></INSACTIF>
              <TIQ><NomNaissance>{birthName}</NomNaissance><ListePrenom>{givenNames}</ListePrenom><Sexe>{sex}</Sexe><DateNaissance>{date}</DateNaissance><LieuNaissance>{place}</LieuNaissance></TIQ></INDIVIDU>
              """
            : "";
        var body = $"""
            <env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope"><env:Body><RESULTAT xmlns="http://www.cnamts.fr/INSiResultat">
            <CR><CodeCR>{code}</CodeCR></CR>{individu}</RESULTAT></env:Body></env:Envelope>
            """;
        return Item(id, EvidenceKinds.InsiResponse, Encoding.UTF8.GetBytes(body), new Dictionary<string, string>
        {
            [InsiProperties.Related] = requestId,
            [InsiProperties.CodeCr] = code,
        });
    }

    /// <summary>An ITI-65 bundle with a Patient and a CDA DLU about the same person (INS only when <paramref name="matricule"/>).</summary>
    public static (EvidenceItem Item, byte[] Content) Publication(string id, string status, string? matricule = Martineau, string oid = "1.2.250.1.213.1.4.8",
        string birthName = "MARTINEAU", string given = "HELENE", string givenList = "HELENE MARIE LOUISE", string birthDate = "1942-05-17",
        string gender = "female", string place = "69123", string insUse = "official", bool reliability = true)
    {
        const string FrCore = "https://hl7.fr/ig/fhir/core/";
        var identifier = matricule is null ? "" : "\"identifier\":[{\"use\":\"" + insUse + "\",\"system\":\"urn:oid:" + oid + "\",\"value\":\"" + matricule + "\"}],";
        var reliabilityJson = reliability
            ? $$$"""{"url":"{{{FrCore}}}StructureDefinition/fr-core-identity-reliability","extension":[{"url":"identityStatus","valueCoding":{"system":"{{{FrCore}}}CodeSystem/fr-core-cs-v2-0445","code":"{{{status}}}"}}]},"""
            : "";
        var patient = $$$"""
            {"resourceType":"Patient","extension":[{{{reliabilityJson}}}
              {"url":"http://hl7.org/fhir/StructureDefinition/patient-birthPlace","valueAddress":{"extension":[{"url":"{{{FrCore}}}StructureDefinition/fr-core-address-insee-code","valueCoding":{"code":"{{{place}}}"}}]}}],
             {{{identifier}}}
             "name":[{"use":"official","family":"{{{birthName}}}","given":["{{{given}}}"],"extension":[{"url":"{{{FrCore}}}StructureDefinition/fr-core-patient-birth-list-given-name","valueString":"{{{givenList}}}"}]}],
             "gender":"{{{gender}}}","birthDate":"{{{birthDate}}}"}
            """;
        var cdaId = matricule is null ? "" : $"""<id root="{oid}" extension="{matricule}"/>""";
        var cda = Encoding.UTF8.GetBytes($"""
            <?xml version="1.0" encoding="UTF-8"?>
            <ClinicalDocument xmlns="urn:hl7-org:v3"><recordTarget><patientRole>{cdaId}<id root="1.2.3" extension="00000001"/><patient>
            <name><family qualifier="BR">{birthName}</family><given>{givenList}</given><given qualifier="BR">{given}</given></name>
            <administrativeGenderCode code="{(gender == "female" ? "F" : "M")}"/><birthTime value="{birthDate.Replace("-", "", StringComparison.Ordinal)}"/></patient></patientRole></recordTarget></ClinicalDocument>
            """);
        var json = $$$"""
            {"resourceType":"Bundle","type":"transaction","entry":[
              {"fullUrl":"urn:uuid:00000000-0000-4000-8000-000000000009","resource":{{{patient}}},"request":{"method":"POST","url":"Patient"}},
              {"fullUrl":"urn:uuid:00000000-0000-4000-8000-000000000003","resource":{"resourceType":"Binary","contentType":"text/xml",
                "data":"{{{Convert.ToBase64String(cda)}}}"},"request":{"method":"POST","url":"Binary"}}]}
            """;
        return Item(id, EvidenceKinds.FhirRequest, Encoding.UTF8.GetBytes(json), new Dictionary<string, string>
        {
            [FhirProperties.Method] = "POST",
            [FhirProperties.Path] = "/",
            [FhirProperties.Interaction] = "ITI-65",
        });
    }

    private static (EvidenceItem Item, byte[] Content) Item(string id, string kind, byte[] content, IReadOnlyDictionary<string, string> properties) =>
        (new EvidenceItem(id, kind, EvidenceTags.Untagged("test"), Convert.ToHexStringLower(SHA256.HashData(content)), id, "application/octet-stream",
            content.LongLength, DateTimeOffset.UnixEpoch, properties), content);
}
