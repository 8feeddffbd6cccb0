using System.Globalization;
using System.Text.RegularExpressions;

namespace DuiConformance.SecondSut;

/// <summary>
/// The second SUT's operations, shared by its native API (<c>/api/…</c>) and its test hooks: admit a resident, look up
/// the INS at INSi, check an identity document, write a DLU, publish it to the DMP, send it over MSSanté.
/// </summary>
public sealed partial class Desk
{
    private readonly Ledger _ledger = new();

    /// <summary>The service links; null until configured.</summary>
    public Links? Links { get; set; }

    public void Reset() => _ledger.Clear();

    public IReadOnlyList<Resident> Residents() => _ledger.Residents();

    /// <summary>Admits a resident with a PROV or VALI identity (never with a typed INS: INS come only from INSi).</summary>
    public Outcome Admit(IReadOnlyDictionary<string, string> fields)
    {
        string F(string name) => fields.TryGetValue(name, out var value) ? value.Trim() : "";
        var status = F("identityStatus") is { Length: > 0 } given ? given : "PROV";
        if (F("birthName").Length == 0 || F("birthGivenNames").Length == 0 || F("sex") is not ("F" or "M")
            || !DateOnly.TryParseExact(F("birthDate"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            || !InseeCode().IsMatch(F("birthPlace")) || status is not ("PROV" or "VALI"))
        {
            return Outcome.Fail("Identité incomplète ou invalide (nom, prénoms, sexe F/M, date AAAA-MM-JJ, lieu INSEE, statut PROV/VALI).");
        }

        var resident = new Resident
        {
            Number = _ledger.NextNumber(),
            BirthName = F("birthName").ToUpperInvariant(),
            GivenNames = F("birthGivenNames").ToUpperInvariant(),
            Sex = F("sex"),
            BirthDate = F("birthDate"),
            BirthPlace = F("birthPlace"),
            Status = status,
            GeneralPractitioner = F("medecinTraitant"),
            Treatments = F("traitements"),
            Directives = F("directives"),
            Allergies = F("allergies"),
        };
        _ledger.Save(resident);
        return Outcome.Done("Résident admis", "usagerId", resident.Number.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>INSi look-up: 00 brings the INS and the INSi traits (PROV→RECUP, VALI→QUAL); 01/02 change nothing.</summary>
    public async Task<Outcome> LookupInsAsync(string? number, CancellationToken ct)
    {
        if (Find(number) is not { } resident || Links is null)
        {
            return Outcome.Fail(Links is null ? "Services non configurés." : $"Résident {number} introuvable.");
        }

        var answer = await InsiCaller.SearchAsync(Links, resident, ct);
        if (answer.Error is not null)
        {
            return Outcome.Fail("INSi : " + answer.Error);
        }

        if (answer.Code != "00" || answer.Ins is null)
        {
            return Outcome.Done($"INSi : réponse {answer.Code}, identité inchangée.");
        }

        _ledger.Save(resident with
        {
            Ins = answer.Ins,
            InsOid = answer.Oid,
            BirthName = answer.BirthName ?? resident.BirthName,
            GivenNames = answer.GivenNames ?? resident.GivenNames,
            Sex = answer.Sex ?? resident.Sex,
            BirthDate = answer.BirthDate ?? resident.BirthDate,
            BirthPlace = answer.BirthPlace ?? resident.BirthPlace,
            Status = resident.Status == "VALI" ? "QUAL" : "RECUP",
        });
        return Outcome.Done($"INSi : INS {answer.Ins} récupérée.");
    }

    /// <summary>Identity checked on a high-trust document: PROV→VALI, RECUP→QUAL.</summary>
    public Outcome CheckIdentityDocument(string? number)
    {
        if (Find(number) is not { } resident)
        {
            return Outcome.Fail($"Résident {number} introuvable.");
        }

        var status = resident.Status switch { "PROV" => "VALI", "RECUP" => "QUAL", var other => other };
        _ledger.Save(resident with { Status = status });
        return Outcome.Done("Identité validée : " + status);
    }

    public Outcome WriteDlu(string? number)
    {
        if (Find(number) is not { } resident)
        {
            return Outcome.Fail($"Résident {number} introuvable.");
        }

        var now = DateTimeOffset.UtcNow;
        var oid = SecondSutIds.NewOid();
        var letter = new Letter(_ledger.NextNumber(), resident.Number, oid, DluFiller.Fill(resident, oid, SecondSutIds.NewOid(), SecondSutIds.IppRoot, now), now);
        _ledger.Save(letter);
        return Outcome.Done("DLU rédigé", "documentId", letter.Number.ToString(CultureInfo.InvariantCulture));
    }

    public async Task<Outcome> PublishAsync(string? letterNumber, CancellationToken ct) =>
        FindLetter(letterNumber) is { } found && Links is not null
            ? await DmpSender.PublishAsync(Links, found.Resident, found.Letter, ct)
            : Outcome.Fail($"Document {letterNumber} introuvable ou services non configurés.");

    public async Task<Outcome> SendAsync(string? letterNumber, string recipient, CancellationToken ct) =>
        FindLetter(letterNumber) is { } found && Links is not null
            ? await MssPoster.SendAsync(Links, found.Resident, found.Letter, recipient, ct)
            : Outcome.Fail($"Document {letterNumber} introuvable ou services non configurés.");

    private Resident? Find(string? number) =>
        int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? _ledger.Resident(value) : null;

    private (Letter Letter, Resident Resident)? FindLetter(string? number) =>
        int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && _ledger.Letter(value) is { } letter && _ledger.Resident(letter.Resident) is { } resident
            ? (letter, resident)
            : null;

    [GeneratedRegex("^(2A|2B|[0-9]{2})[0-9]{3}$")]
    private static partial Regex InseeCode();
}
