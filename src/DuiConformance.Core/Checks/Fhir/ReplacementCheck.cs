using System.Globalization;
using System.Xml.Linq;
using DuiConformance.Core.Documents;
using DuiConformance.Core.Evidence;
using DuiConformance.Core.Findings;
using Hl7.Fhir.Model;

namespace DuiConformance.Core.Checks.Fhir;

/// <summary>A new version of a document is published as a replacement: relatesTo replaces with a target (PDSM-11, DUI-DMP-10).</summary>
public sealed class ReplacementCheck : ICheck
{
    private static readonly XNamespace V3 = "urn:hl7-org:v3";

    /// <inheritdoc />
    public CheckDefinition Definition { get; } = new(
        Id: "fhir.iti65.replacement",
        TitleFr: "ITI-65 : remplacement d'un document (relatesTo replaces)",
        TitleEn: "ITI-65: document replacement (relatesTo replaces)",
        Verifies: [DmpRequirementIds.Dmp10],
        Inputs: [EvidenceKinds.FhirRequest],
        Description: """
            Pour chaque `DocumentReference` des requêtes ITI-65 :
            - un `relatesTo` de `code` `replaces` a une cible (`target.reference` ou `target.identifier`) ;
            - si le CDA joint est une nouvelle version (`relatedDocument` `RPLC` ou `versionNumber` > 1), la
              DocumentReference porte un `relatesTo` `replaces` ; quand la cible est donnée par identifiant, c'est
              `urn:oid:` + l'`id` du `parentDocument` du CDA.

            Le simulateur passe alors l'ancienne DocumentReference au statut `superseded`. Lecture PDSm de l'exigence
            DUI-DMP-10 (remplacement, association RPLC en XDS.b).
            Source : PDSm st_ajout.md, PDSm4DMP TD2.1 (domain.md §3.4, §8.4 **PDSM-11**).
            """);

    /// <inheritdoc />
    public CheckResult Evaluate(EvidenceSet evidence) => Iti65CheckRunner.Run(
        evidence,
        Judge,
        "Aucun remplacement (relatesTo replaces ou CDA de version > 1) dans les requêtes ITI-65.");

    private static List<Finding>? Judge(Iti65Bundle bundle)
    {
        List<Finding>? findings = null;
        foreach (var (index, document) in bundle.EntriesOf<DocumentReference>())
        {
            var replaces = document.RelatesTo.Where(relation => relation.Code == DocumentRelationshipType.Replaces).ToList();
            var parent = ParentDocument(bundle, document, out var newVersion);
            if (replaces.Count == 0 && !newVersion)
            {
                continue;
            }

            findings ??= [];
            if (replaces.Count == 0)
            {
                findings.Add(DmpFindings.Replacement.At(bundle.AtEntry(index, "relatesTo"), string.Create(CultureInfo.InvariantCulture,
                    $"Le CDA publié est une nouvelle version{(parent is null ? "" : $" du document {parent}")} mais la DocumentReference n'a pas de relatesTo replaces.")));
                continue;
            }

            foreach (var relation in replaces)
            {
                var identifier = relation.Target?.Identifier?.Value;
                if (string.IsNullOrEmpty(relation.Target?.Reference) && string.IsNullOrEmpty(identifier))
                {
                    findings.Add(DmpFindings.Replacement.At(bundle.AtEntry(index, "relatesTo.target"), "relatesTo replaces sans cible (reference ou identifier)."));
                }
                else if (identifier is not null && parent is not null && !string.Equals(identifier, "urn:oid:" + parent, StringComparison.Ordinal))
                {
                    findings.Add(DmpFindings.Replacement.At(bundle.AtEntry(index, "relatesTo.target.identifier"),
                        $"relatesTo replaces vise {identifier} alors que le CDA remplace le document {parent}."));
                }
            }
        }

        return findings;
    }

    /// <summary>The CDA's relatedDocument RPLC parent id, and whether the CDA is a new version at all.</summary>
    private static string? ParentDocument(Iti65Bundle bundle, DocumentReference document, out bool newVersion)
    {
        newVersion = false;
        var url = document.Content.FirstOrDefault()?.Attachment?.Url;
        if (bundle.BinaryAt(url) is not { } binary || binary.Binary.Data is not { Length: > 0 } data || SafeXml.TryLoad(data, out _)?.Root is not { } root)
        {
            return null;
        }

        var parent = root.Elements(V3 + "relatedDocument")
            .Where(related => (string?)related.Attribute("typeCode") == "RPLC")
            .Select(related => (string?)related.Element(V3 + "parentDocument")?.Element(V3 + "id")?.Attribute("root"))
            .FirstOrDefault();
        var version = int.TryParse((string?)root.Element(V3 + "versionNumber")?.Attribute("value"), NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : 1;
        newVersion = parent is not null || version > 1;
        return parent;
    }
}
