using DuiConformance.Core.Evidence;
using DuiConformance.Core.Findings;

namespace DuiConformance.Core.Checks.Ins;

/// <summary>
/// The rules the INS checks apply to what the DUI emitted (domain.md §2.4, §8.1 INS-01..INS-05, INS-09, INS-12). Each
/// returns a <see cref="CheckResult"/>: skip when nothing it judges was recorded, with a French reason.
/// </summary>
public static class InsEmissionRules
{
    /// <summary>INS-01: every emitted matricule is 15 characters with a valid key.</summary>
    public static CheckResult Matricules(EvidenceSet evidence)
    {
        var emitted = InsEmissionReader.ReadAll(evidence).Where(emission => emission.HasIns).ToList();
        if (emitted.Count == 0)
        {
            return CheckResult.Skip(NoInsReason);
        }

        var findings = emitted
            .Select(emission => (emission, problem: InsMatricule.Validate(emission.Matricule)))
            .Where(pair => pair.problem is not null)
            .Select(pair => InsFindings.MatriculeInvalid.At(pair.emission.Location, $"{pair.emission.Channel} : matricule INS « {pair.emission.Matricule} » : {pair.problem}."))
            .ToList();
        return CheckResult.FromFindings(findings, Ids(emitted));
    }

    /// <summary>
    /// INS-02: every INS OID is an INS OID; one document never mixes test/demo (.10/.11) and production (.8/.9) OIDs; an
    /// INS that INSi returned is emitted with the OID INSi gave it (so a production INS never leaves with the test OID).
    /// </summary>
    /// <remarks>With <paramref name="mode"/> production, a test or demonstration OID is an error; with test, a production OID is.</remarks>
    public static CheckResult Oids(EvidenceSet evidence, Core.Fhir.Profiles.InsMode mode = Core.Fhir.Profiles.InsMode.Unspecified)
    {
        var emitted = InsEmissionReader.ReadAll(evidence).Where(emission => emission.HasIns).ToList();
        if (emitted.Count == 0)
        {
            return CheckResult.Skip(NoInsReason);
        }

        var insi = InsiCallReader.ReadAll(evidence).Where(call => call.CodeCr == "00" && call.Matricule is not null).ToList();
        var findings = new List<Finding>();
        foreach (var emission in emitted)
        {
            if (!InsPerson.Oids.Contains(emission.Oid ?? string.Empty, StringComparer.Ordinal))
            {
                findings.Add(InsFindings.OidUnknown.At(emission.Location, $"{emission.Channel} : OID « {emission.Oid} » n'est pas un OID d'INS (1.2.250.1.213.1.4.8 à .11)."));
                continue;
            }

            var returned = insi.LastOrDefault(call => call.Order < emission.Order && call.Matricule == emission.Matricule)
                ?? insi.LastOrDefault(call => call.Matricule == emission.Matricule);
            if (returned?.Oid is { } expected && !string.Equals(expected, emission.Oid, StringComparison.Ordinal))
            {
                findings.Add(InsFindings.OidNotInsi.At(emission.Location,
                    $"{emission.Channel} : l'INS {emission.Matricule} est émise avec l'OID {emission.Oid} alors que l'INSi l'a renvoyée avec l'OID {expected} (appel {returned.RequestId})."));
            }
        }

        foreach (var emission in emitted.Where(emission => InsPerson.Oids.Contains(emission.Oid ?? string.Empty, StringComparer.Ordinal)))
        {
            var production = InsPerson.ProductionOids.Contains(emission.Oid!, StringComparer.Ordinal);
            if (mode == Core.Fhir.Profiles.InsMode.Production && !production)
            {
                findings.Add(InsFindings.OidTestInProductionMode.At(emission.Location,
                    $"{emission.Channel} : l'INS {emission.Matricule} est émise avec l'OID de test ou de démonstration {emission.Oid} alors que le banc tourne en mode production (--ins-mode production : 1.2.250.1.213.1.4.8 ou .9 attendus)."));
            }
            else if (mode == Core.Fhir.Profiles.InsMode.Test && production)
            {
                findings.Add(InsFindings.OidProductionInTestMode.At(emission.Location,
                    $"{emission.Channel} : l'INS {emission.Matricule} est émise avec l'OID de production {emission.Oid} alors que le banc tourne en mode test (--ins-mode test : 1.2.250.1.213.1.4.10 ou .11 attendus)."));
            }
        }

        foreach (var document in emitted.GroupBy(emission => emission.Document, StringComparer.Ordinal))
        {
            var production = document.Any(emission => InsPerson.ProductionOids.Contains(emission.Oid ?? string.Empty, StringComparer.Ordinal));
            var test = document.Any(emission => emission.Oid is "1.2.250.1.213.1.4.10" or "1.2.250.1.213.1.4.11");
            if (production && test)
            {
                var first = document.First();
                findings.Add(InsFindings.OidMixed.At(first.Location, $"Le même document ou message mêle des OID d'INS de production et de test : {string.Join(", ", document.Select(emission => emission.Oid).Distinct(StringComparer.Ordinal))}."));
            }
        }

        return CheckResult.FromFindings(findings, Ids(emitted));
    }

    /// <summary>
    /// INS-03: a FHIR Patient carrying an INS declares the status QUAL, and a CDA sent in the same ITI-65 bundle as a
    /// non-qualified Patient carries no INS.
    /// </summary>
    public static CheckResult QualifiedOnly(EvidenceSet evidence)
    {
        var emissions = InsEmissionReader.ReadAll(evidence);
        var withStatus = emissions.Where(emission => emission.Status is not null).ToList();
        if (withStatus.Count == 0)
        {
            return CheckResult.Skip("Aucun Patient FHIR déclarant un statut d'identité n'a été reçu (ITI-65).");
        }

        var findings = withStatus
            .Where(emission => emission.HasIns && emission.Status != "QUAL")
            .Select(emission => InsFindings.InsUnqualified.At(emission.Location,
                $"{emission.Channel} : l'INS {emission.Matricule} (OID {emission.Oid}) est transmise alors que le statut de l'identité est {emission.Status} : seule une identité qualifiée (QUAL) peut porter l'INS (INS/va1.53)."))
            .ToList();

        // Note: a message (CDA or XDM metadata in IHE_XDM.ZIP) declares no status; it is judged against the status the DUI
        // declared last, before it, for the same person or the same matricule in a FHIR Patient.
        var judged = Ids(withStatus).ToList();
        foreach (var emission in emissions.Where(emission => emission.Status is null && emission.HasIns))
        {
            var declared = withStatus.LastOrDefault(candidate => candidate.Order < emission.Order
                && (candidate.Matricule == emission.Matricule || (emission.BirthName is not null && candidate.PersonKey == emission.PersonKey)));
            if (declared is null)
            {
                continue;
            }

            judged.Add(emission.EvidenceId);
            if (declared.Status != "QUAL")
            {
                findings.Add(InsFindings.InsUnqualified.At(emission.Location,
                    $"{emission.Channel} : l'INS {emission.Matricule} est transmise par messagerie alors que le dernier statut déclaré pour cette identité ({declared.EvidenceId}) est {declared.Status}."));
            }
        }

        return CheckResult.FromFindings(findings, [.. judged.Distinct(StringComparer.Ordinal)]);
    }

    /// <summary>INS-04: birth name, birth date, sex (and FHIR birth place) sent with an INS equal the INSi TIQ.</summary>
    public static CheckResult Traits(EvidenceSet evidence) => AgainstInsi(evidence, (emission, call) =>
    {
        var findings = new List<Finding>();
        void Compare(string trait, string? sent, string? expected)
        {
            if (sent is not null && !string.Equals(sent.Trim(), expected?.Trim(), StringComparison.Ordinal))
            {
                findings.Add(InsFindings.TraitMismatch.At(emission.Location, $"{emission.Channel} : {trait} « {sent} » différent du trait INSi « {expected} » (INS {emission.Matricule})."));
            }
            else if (sent is null && emission.Channel != "XDM" && trait != "lieu de naissance")
            {
                findings.Add(InsFindings.TraitMismatch.At(emission.Location, $"{emission.Channel} : {trait} absent alors que l'INS {emission.Matricule} est transmise."));
            }
        }

        Compare("nom de naissance", emission.BirthName, call.TiqBirthName);
        Compare("date de naissance", emission.BirthDate, call.TiqBirthDate);
        Compare("sexe", emission.Sex, call.TiqSex);
        if (emission.Channel == "FHIR")
        {
            Compare("lieu de naissance", emission.BirthPlace, call.TiqBirthPlace);
        }

        return findings;
    });

    /// <summary>INS-05: the given name sent with an INS is the first of INSi's ListePrenom; the full list is kept.</summary>
    public static CheckResult FirstGivenName(EvidenceSet evidence) => AgainstInsi(evidence, (emission, call) =>
    {
        var findings = new List<Finding>();
        if (emission.Channel == "XDM")
        {
            return findings;
        }

        var first = (call.TiqGivenNames ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        if (!string.Equals(emission.FirstGivenName?.Trim(), first, StringComparison.Ordinal))
        {
            findings.Add(InsFindings.GivenNameNotFirst.At(emission.Location,
                $"{emission.Channel} : prénom transmis « {emission.FirstGivenName} » alors que le premier prénom de naissance renvoyé par l'INSi est « {first} » (liste « {call.TiqGivenNames} »)."));
        }

        if (emission.Channel == "FHIR" && emission.GivenCount != 1)
        {
            findings.Add(InsFindings.GivenNameNotFirst.At(emission.Location, $"FHIR : officialName porte {emission.GivenCount} prénom(s) ; FR Core INS en veut exactement un, le premier prénom de naissance."));
        }

        if (!string.Equals(emission.GivenNames?.Trim(), call.TiqGivenNames?.Trim(), StringComparison.Ordinal))
        {
            findings.Add(InsFindings.GivenNameListMismatch.At(emission.Location,
                $"{emission.Channel} : liste des prénoms de naissance « {emission.GivenNames ?? "absente"} » différente de la liste INSi « {call.TiqGivenNames} »."));
        }

        return findings;
    });

    /// <summary>INS-09: after an INSi answer 01 or 02 about a person, nothing later carries an INS or a RECUP/QUAL status for that person.</summary>
    public static CheckResult NoSingleAnswer(EvidenceSet evidence)
    {
        var calls = InsiCallReader.ReadAll(evidence).Where(call => call.CodeCr is "01" or "02").ToList();
        if (calls.Count == 0)
        {
            return CheckResult.Skip("Aucune réponse INSi 01 ou 02 n'a été enregistrée.");
        }

        var emissions = InsEmissionReader.ReadAll(evidence);
        var findings = new List<Finding>();
        var judged = new List<string>();
        foreach (var group in calls.GroupBy(call => call.PersonKey, StringComparer.Ordinal))
        {
            var after = group.Min(call => call.Order);
            var later = emissions.Where(emission => emission.Order > after && emission.PersonKey == group.Key).ToList();
            judged.AddRange(group.Select(call => call.RequestId));
            judged.AddRange(later.Select(emission => emission.EvidenceId));
            var answer = string.Join("/", group.Select(call => call.CodeCr).Distinct(StringComparer.Ordinal));
            findings.AddRange(later
                .Where(emission => emission.HasIns || emission.Status is "RECUP" or "QUAL")
                .Select(emission => InsFindings.InsWithoutSingleAnswer.At(emission.Location, emission.HasIns
                    ? $"{emission.Channel} : INS {emission.Matricule} transmise après une réponse INSi {answer} pour cette personne."
                    : $"{emission.Channel} : statut d'identité {emission.Status} déclaré après une réponse INSi {answer} pour cette personne.")));
        }

        return CheckResult.FromFindings(findings, [.. judged.Distinct(StringComparer.Ordinal)]);
    }

    /// <summary>
    /// INS-12: when an INS was emitted for a person and INSi later returns another matricule for that person, nothing
    /// after carries INSi's matricule in place of the stored one (the DUI must flag the identity, not overwrite it).
    /// </summary>
    public static CheckResult NotOverwritten(EvidenceSet evidence)
    {
        var emissions = InsEmissionReader.ReadAll(evidence).Where(emission => emission.HasIns).ToList();
        var calls = InsiCallReader.ReadAll(evidence).Where(call => call.CodeCr == "00" && call.Matricule is not null).ToList();
        var findings = new List<Finding>();
        var judged = new List<string>();
        foreach (var call in calls)
        {
            var stored = emissions.LastOrDefault(emission => emission.Order < call.Order && emission.PersonKey == call.PersonKey);
            if (stored is null || stored.Matricule == call.Matricule)
            {
                continue;
            }

            judged.Add(call.RequestId);
            judged.Add(stored.EvidenceId);
            findings.AddRange(emissions
                .Where(emission => emission.Order > call.Order && emission.PersonKey == call.PersonKey && emission.Matricule == call.Matricule)
                .Select(emission => InsFindings.StoredInsOverwritten.At(emission.Location,
                    $"{emission.Channel} : l'INS enregistrée {stored.Matricule} a été remplacée par {call.Matricule}, renvoyée par la vérification INSi {call.RequestId}, sans alerte d'identitovigilance.")));
        }

        return judged.Count == 0
            ? CheckResult.Skip("Aucune vérification INSi discordante d'une INS déjà transmise n'a été enregistrée.")
            : CheckResult.FromFindings(findings, [.. judged.Distinct(StringComparer.Ordinal)]);
    }

    private const string NoInsReason = "Aucune INS n'a été transmise (CDA, FHIR, métadonnées XDM).";

    private static CheckResult AgainstInsi(EvidenceSet evidence, Func<InsEmission, InsiCall, List<Finding>> rule)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var calls = InsiCallReader.ReadAll(evidence).Where(call => call.CodeCr == "00" && call.Matricule is not null).ToList();
        var pairs = InsEmissionReader.ReadAll(evidence)
            .Where(emission => emission.HasIns)
            .Select(emission => (emission, call: calls.LastOrDefault(call => call.Matricule == emission.Matricule && call.Order < emission.Order)))
            .Where(pair => pair.call is not null)
            .ToList();
        if (pairs.Count == 0)
        {
            return CheckResult.Skip("Aucune INS issue d'une réponse INSi n'a été transmise.");
        }

        var findings = pairs.SelectMany(pair => rule(pair.emission, pair.call!)).ToList();
        return CheckResult.FromFindings(findings, [.. pairs.SelectMany(pair => new[] { pair.call!.RequestId, pair.emission.EvidenceId }).Distinct(StringComparer.Ordinal)]);
    }

    private static IReadOnlyList<string> Ids(IEnumerable<InsEmission> emissions) => [.. emissions.Select(emission => emission.EvidenceId).Distinct(StringComparer.Ordinal)];
}
