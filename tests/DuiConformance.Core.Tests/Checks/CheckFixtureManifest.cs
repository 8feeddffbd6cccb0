using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using DuiConformance.Core.Evidence;

namespace DuiConformance.Core.Tests.Checks;

/// <summary>fixtures/checks/manifest.json: each fixture, its evidence properties and the expected verdict of every check.</summary>
public sealed record CheckFixture(string Name, string Description, string Kind, string File, IReadOnlyDictionary<string, string> Properties, IReadOnlyDictionary<string, CheckExpectation> Expect)
{
    /// <summary>The fixture as a recorded evidence item (id = fixture name), with its exact bytes.</summary>
    public (EvidenceItem Item, byte[] Content) ToEvidence()
    {
        var content = FixturePaths.Read("checks", File);
        var item = new EvidenceItem(
            Name,
            Kind,
            EvidenceTags.Untagged("fixtures"),
            Convert.ToHexStringLower(SHA256.HashData(content)),
            File,
            Kind == EvidenceKinds.SmtpMessage ? "message/rfc822" : "application/fhir+json",
            content.LongLength,
            DateTimeOffset.Parse("2025-01-15T09:00:00Z", CultureInfo.InvariantCulture),
            Properties);
        return (item, content);
    }
}

/// <summary>Expected outcome (wire name) and the exact set of finding codes.</summary>
public sealed record CheckExpectation(string Outcome, IReadOnlyList<string> Codes);

public static class CheckFixtureManifest
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    private static readonly Lazy<IReadOnlyList<CheckFixture>> Loaded = new(() =>
    {
        using var stream = File.OpenRead(FixturePaths.Of("checks", "manifest.json"));
        var document = JsonSerializer.Deserialize<ManifestDocument>(stream, Options) ?? throw new InvalidDataException("Empty manifest.");
        return document.Fixtures;
    });

    public static IReadOnlyList<CheckFixture> Fixtures => Loaded.Value;

    public static CheckFixture Get(string name) => Fixtures.Single(fixture => fixture.Name == name);

    private sealed record ManifestDocument(IReadOnlyList<CheckFixture> Fixtures);
}
