using DuiConformance.ReferenceDui;
using DuiConformance.ReferenceDui.Cda;
using DuiConformance.ReferenceDui.Identity;
using DuiConformance.ReferenceDui.Storage;

namespace DuiConformance.ReferenceDui.Tests;

/// <summary>Synthetic usagers, settings and documents shared by the tests (same person as fixtures/identities/martineau-helene.yaml).</summary>
internal static class TestData
{
    public const string QualifiedIns = "242056912345661";

    public static readonly DateTimeOffset Now = new(2025, 3, 14, 9, 30, 0, TimeSpan.Zero);

    public static Usager QualifiedUsager(IdentityStatus status = IdentityStatus.Qualifiee) => new()
    {
        Id = 42,
        BirthName = "MARTINEAU",
        UsedName = "LEFEBVRE",
        BirthGivenNames = "HELENE MARIE LOUISE",
        Sex = "F",
        BirthDate = new DateOnly(1942, 5, 17),
        BirthPlace = "69123",
        Ins = QualifiedIns,
        Status = status,
        MedecinTraitant = "Dr Paul GIRARD",
        Traitements = "Paracétamol 1 g si douleur\nRamipril 5 mg le matin",
        Directives = "Directives rédigées le 12/03/2024",
        Allergies = "Pénicilline",
        CreatedAt = Now,
    };

    public static Usager ProvisionalUsager() => new()
    {
        Id = 7,
        BirthName = "ROUSSEL",
        BirthGivenNames = "ANTOINE JEAN",
        Sex = "M",
        BirthDate = new DateOnly(1938, 11, 2),
        BirthPlace = "2A004",
        Status = IdentityStatus.Provisoire,
        CreatedAt = Now,
    };

    public static OrganisationProfile Organisation(params string[] defects) =>
        OrganisationProfile.From(new ReferenceDuiSettings { Defects = defects });

    public static OrganisationProfile Organisation(ReferenceDuiSettings settings) => OrganisationProfile.From(settings);

    public static readonly DluDocumentBuilder.Request DluRequest = new("2.25.1111", "2.25.2222", 1, Now);

    public static StoredDocument Document(Usager usager, OrganisationProfile? organisation = null)
    {
        var cda = new DluDocumentBuilder(organisation ?? Organisation()).Build(usager, DluRequest);
        return StoredDocument.From(cda, usager.Id, Now) with { Id = 3 };
    }

    /// <summary>The repository root (the folder holding DuiConformance.sln), found by walking up from the test binaries.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DuiConformance.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("DuiConformance.sln introuvable au-dessus de " + AppContext.BaseDirectory);
    }
}
