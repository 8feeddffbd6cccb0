namespace DuiConformance.ReferenceDui.Identity;

/// <summary>
/// The identity as it goes into an exchange (CDA, FHIR, XDM): the stored usager, with the deliberate identity defects
/// applied when they are switched on (profiles/suts/reference-dui/defects.yaml). Without defect it is the usager itself.
/// </summary>
internal static class ExchangeIdentity
{
    /// <summary>The test INS-NIR OID (domain.md §2.3).</summary>
    public const string TestInsOid = "1.2.250.1.213.1.4.10";

    /// <summary>The usager to build exchanges from.</summary>
    public static Usager For(Usager usager, OrganisationProfile organisation)
    {
        ArgumentNullException.ThrowIfNull(usager);
        ArgumentNullException.ThrowIfNull(organisation);
        var emitted = usager;
        if (organisation.Has(ReferenceDuiDefects.InsSentUnqualified))
        {
            emitted = emitted with { DefectSendsInsWhateverTheStatus = true };
        }

        if (organisation.Has(ReferenceDuiDefects.FirstGivenNameNotFirst))
        {
            // Note: the birth given names rotated, so the "first" one exchanged is the second of the civil-status list.
            var names = emitted.BirthGivenNames.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            emitted = emitted with { BirthGivenNames = string.Join(' ', names.Skip(1).Append(names[0])) };
        }

        if (organisation.Has(ReferenceDuiDefects.TestOidInProduction) && emitted.InsOid is not null)
        {
            emitted = emitted with { InsOid = TestInsOid };
        }

        return emitted;
    }
}
