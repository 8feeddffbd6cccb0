namespace DuiConformance.Core.Checks;

/// <summary>
/// What a check is (STYLE.md rule 17): a permanent id, French and English titles, a markdown description of what is
/// checked and how, the requirements it verifies and the evidence kinds it reads.
/// </summary>
/// <param name="Id">Permanent dotted id, e.g. <c>cda.header.realm-typeid</c>.</param>
/// <param name="TitleFr">Title shown in French reports.</param>
/// <param name="TitleEn">Title shown in English reports.</param>
/// <param name="Verifies">The <c>DUI-*</c> requirement ids this check verifies.</param>
/// <param name="Inputs">The <see cref="Evidence.EvidenceKinds"/> it reads.</param>
/// <param name="Description">Markdown: what is checked, how, and the spec clause (domain.md item).</param>
public sealed record CheckDefinition(
    string Id,
    string TitleFr,
    string TitleEn,
    IReadOnlyList<string> Verifies,
    IReadOnlyList<string> Inputs,
    string Description)
{
    /// <summary>The title in the report language (<c>fr</c> or <c>en</c>).</summary>
    public string Title(string language) => language == "en" ? TitleEn : TitleFr;
}
