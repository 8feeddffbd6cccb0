using System.Globalization;
using System.Xml.Linq;
using DuiConformance.Core.Checks.Cda;
using DuiConformance.Core.Checks.Mail;
using DuiConformance.Core.Documents;
using DuiConformance.Core.Evidence;
using DuiConformance.Core.Fhir.Profiles;
using DuiConformance.Core.Findings;
using DuiConformance.Core.Validation.Schematron;

namespace DuiConformance.Core.Validation;

/// <summary>
/// Validates files offline, as a DUI produces them: a CDA document, an IHE XDM zip, an e-mail (.eml, MIME, then the
/// IHE_XDM.ZIP and the CDA inside), or a FHIR resource in JSON or XML (Bundle, DocumentReference, List, Patient...).
/// CDA documents get the built-in CI-SIS rules, then XSD and the applicable CI-SIS schematron when configured; FHIR
/// resources get the profile checker with our profiles/fhir definitions plus the official packages configured. Hostile input becomes findings, never an exception; only a broken configuration
/// (schematron or schema folder) throws a <see cref="HarnessException"/>.
/// </summary>
public sealed class DocumentValidator
{
    private const string Run = "validate";
    private readonly ValidationOptions _options;
    private readonly SchematronCatalogue? _schematrons;
    private readonly CdaSchemaValidator? _schema;
    private readonly Lazy<FhirProfileChecker> _fhir;

    /// <summary>Prepares the validator; opens the schematron folder and compiles the XSD now, so misconfiguration fails early.</summary>
    /// <exception cref="HarnessException">HARNESS-9301 / HARNESS-9302 for an unusable schematron path or schema folder.</exception>
    public DocumentValidator(ValidationOptions options)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _schematrons = options.SchematronPath is null ? null : SchematronCatalogue.Open(options.SchematronPath);
        _schema = options.SchemaFolder is null ? null : CdaSchemaValidator.For(options.SchemaFolder);
        _fhir = new(() => options.FhirPackages is { Count: > 0 } packages
            ? new FhirProfileChecker(FhirDefinitionLoader.Load(includeEmbedded: true, packages), new FhirProfileOptions(options.InsMode))
            : new FhirProfileChecker(FhirDefinitionLoader.Embedded, new FhirProfileOptions(options.InsMode)));
    }

    /// <summary>The options in force.</summary>
    public ValidationOptions Options => _options;

    /// <summary>Reads and validates the file at <paramref name="path"/>.</summary>
    public ValidatedFile ValidateFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var name = Path.GetFileName(path);
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            return new ValidatedFile(path, "unknown", [], [], [CdaFindings.Unreadable.At(new FindingLocation(name), $"Fichier introuvable : {path}")]);
        }

        if (info.Length > MailMessageReader.MaxAttachmentBytes)
        {
            return new ValidatedFile(path, "unknown", [], [], [CdaFindings.Unreadable.At(new FindingLocation(name), "Fichier trop volumineux (plus de 64 Mio).")]);
        }

        return Validate(path, File.ReadAllBytes(path));
    }

    /// <summary>Validates <paramref name="content"/>, named <paramref name="path"/> in findings.</summary>
    public ValidatedFile Validate(string path, ReadOnlyMemory<byte> content)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var name = Path.GetFileName(path);
        var kind = Sniff(name, content.Span);
        var documents = new List<string>();
        var schematrons = new List<string>();
        var findings = new List<Finding>();
        switch (kind)
        {
            case "xdm":
                ValidateXdm(name, content, findings, documents, schematrons);
                break;
            case "eml":
                ValidateMail(name, content, findings, documents, schematrons);
                break;
            case "fhir":
                ValidateFhir(name, content, findings, documents);
                break;
            case "cda":
                ValidateCdaBytes(new CdaSource(name, "file", name), content, findings, documents, schematrons);
                break;
            default:
                findings.Add(CdaFindings.Unreadable.At(new FindingLocation(name), "Format non reconnu : ni XML (CDA), ni FHIR (JSON/XML), ni zip (XDM), ni message MIME (.eml)."));
                break;
        }

        return new ValidatedFile(path, kind, documents, schematrons.Distinct(StringComparer.Ordinal).ToList(), findings);
    }

    /// <summary>Every finding on one parsed CDA document (built-in rules, XSD, schematron).</summary>
    public IReadOnlyList<Finding> ValidateCda(CdaDocument document, ICollection<string>? schematronsApplied = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        var findings = new List<Finding>();
        findings.AddRange(CdaHeaderRules.RealmAndTypeId(document));
        findings.AddRange(CdaHeaderRules.TemplateIds(document));
        findings.AddRange(CdaHeaderRules.Identification(document));
        findings.AddRange(CdaHeaderRules.Participants(document));
        findings.AddRange(DluRules.Check(document) ?? []);
        findings.AddRange(CdaContentRules.Check(document));
        if (_schema is not null)
        {
            findings.AddRange(_schema.Validate(document.Document, document.Source));
        }

        if (_schematrons is not null)
        {
            findings.AddRange(RunSchematrons(document, schematronsApplied));
        }

        return findings;
    }

    private IEnumerable<Finding> RunSchematrons(CdaDocument document, ICollection<string>? applied)
    {
        var templateIds = document.Root.Elements(XmlPaths.Hl7 + "templateId")
            .Select(t => ((string?)t.Attribute("root") ?? string.Empty, (string?)t.Attribute("extension")));
        var files = _schematrons!.Select(templateIds);
        if (files.Count == 0)
        {
            yield return CdaFindings.SchematronNotApplicable.At(
                document.At(document.Root),
                $"Aucun schematron de {_schematrons.Folder} ne correspond aux templateIds {string.Join(", ", document.TemplateIds)}.");
            yield break;
        }

        foreach (var file in files)
        {
            var schema = _schematrons.Compiled(file);
            applied?.Add(Path.GetFileName(file));
            var report = schema.Validate(document.Document);
            foreach (var result in report.Results)
            {
                var definition = result.IsError ? CdaFindings.SchematronError : CdaFindings.SchematronWarning;
                var id = result.AssertionId is null ? string.Empty : $" ({result.AssertionId})";
                yield return definition.At(
                    document.Source.At(result.Location, result.Line, result.Column),
                    $"{Path.GetFileName(file)} / {result.PatternId}{id} : {result.Text}");
            }

            foreach (var error in report.EvaluationErrors)
            {
                yield return CdaFindings.SchematronUnevaluated.At(document.Source.At(null), $"{Path.GetFileName(file)} : {error}");
            }
        }
    }

    private void ValidateCdaBytes(CdaSource source, ReadOnlyMemory<byte> content, List<Finding> findings, List<string> documents, List<string> schematrons)
    {
        var xml = SafeXml.TryLoad(content, out var error);
        if (xml is null)
        {
            findings.Add(CdaFindings.Unreadable.At(source.At(null, error?.Line, error?.Column), error?.Message ?? "XML illisible."));
            return;
        }

        ValidateCdaDocument(source, xml, findings, documents, schematrons);
    }

    private void ValidateCdaDocument(CdaSource source, XDocument xml, List<Finding> findings, List<string> documents, List<string> schematrons)
    {
        if (!CdaDocument.IsClinicalDocument(xml))
        {
            var root = xml.Root!;
            findings.Add(CdaFindings.Unreadable.At(source.At("/" + root.Name.LocalName), $"La racine est {{{root.Name.NamespaceName}}}{root.Name.LocalName}, pas {{urn:hl7-org:v3}}ClinicalDocument."));
            return;
        }

        documents.Add(source.Entry);
        findings.AddRange(ValidateCda(new CdaDocument(xml, source), schematrons));
    }

    private void ValidateFhir(string name, ReadOnlyMemory<byte> content, List<Finding> findings, List<string> documents)
    {
        var checker = _fhir.Value;
        findings.AddRange(checker.Definitions.LoadProblems);
        findings.AddRange(checker.Definitions.MissingDependencies());
        var resource = FhirResourceParser.Parse(content.Span, out var issues, out var error);
        if (resource is null)
        {
            findings.Add(FhirFindings.Unreadable.At(new FindingLocation(name), error ?? "Ressource FHIR illisible."));
            return;
        }

        foreach (var issue in issues.Take(20))
        {
            findings.Add(FhirFindings.ParseIssue.At(new FindingLocation(name, null, resource.TypeName), issue));
        }

        documents.Add($"{resource.TypeName}{(resource.Id is null ? string.Empty : "/" + resource.Id)}");
        var applied = checker.ProfilesFor(resource);
        findings.Add(FhirProfileFindings.DefinitionsUsed.At(
            new FindingLocation(name, null, resource.TypeName),
            $"Définitions utilisées : {string.Join(" ; ", checker.Definitions.Sources)} ; profil(s) appliqué(s) : {(applied.Count == 0 ? "aucun" : string.Join(", ", applied))}."));
        findings.AddRange(FhirProfileChecker.ToFindings(checker.Check(resource), name, null));
    }

    private void ValidateXdm(string name, ReadOnlyMemory<byte> content, List<Finding> findings, List<string> documents, List<string> schematrons)
    {
        var package = XdmPackageReader.Read(content);
        findings.AddRange(XdmLayoutRules.Package(Item(name, "application/zip", content.Length), name, package));
        findings.AddRange(XdmMetadataConsistencyRules.Check(name, name, package));
        if (package.Find("INDEX.HTM") is { } index)
        {
            foreach (var problem in XdmIndexRules.Problems(index.Content.Span))
            {
                findings.Add(XdmFindings.IndexMalformed.At(new FindingLocation(name, $"{name}!{index.Path}"), $"INDEX.HTM mal formé : {problem}."));
            }
        }

        foreach (var entry in package.XmlDocuments)
        {
            var xml = SafeXml.TryLoad(entry.Content, out _);
            if (xml is not null && CdaDocument.IsClinicalDocument(xml))
            {
                ValidateCdaDocument(new CdaSource(name, CdaSource.Xdm, $"{name}!{entry.Path}"), xml, findings, documents, schematrons);
            }
        }
    }

    private void ValidateMail(string name, ReadOnlyMemory<byte> content, List<Finding> findings, List<string> documents, List<string> schematrons)
    {
        var message = MailMessageReader.Read(content);
        var item = Item(name, "message/rfc822", content.Length);
        findings.AddRange(Rfc5322Rules.Check(item, message));
        if (message.Message is null)
        {
            return;
        }

        findings.AddRange(MssHeaderRules.NilPresent(item, message));
        findings.AddRange(MssHeaderRules.CdaAndIns(item, message));
        findings.AddRange(XdmLayoutRules.Check(item, message) ?? []);
        foreach (var attachment in message.AttachmentsNamed(MailMessageReader.XdmFileName))
        {
            if (MailMessageReader.Decode(attachment, out _) is not { } zip)
            {
                continue;
            }

            var package = XdmPackageReader.Read(zip);
            findings.AddRange(XdmMetadataConsistencyRules.Check(name, attachment.FileName, package));
            if (package.Find("INDEX.HTM") is { } index)
            {
                foreach (var problem in XdmIndexRules.Problems(index.Content.Span))
                {
                    findings.Add(XdmFindings.IndexMalformed.At(new FindingLocation(name, $"{attachment.FileName}!{index.Path}"), $"INDEX.HTM mal formé : {problem}."));
                }
            }
        }

        var extraction = CdaExtractor.FromMessage(name, message);
        foreach (var failure in extraction.Failures)
        {
            findings.Add(CdaFindings.Unreadable.At(failure.Source.At(null, failure.Error.Line, failure.Error.Column), failure.Error.Message));
        }

        foreach (var document in extraction.Documents)
        {
            documents.Add(document.Source.Entry);
            findings.AddRange(ValidateCda(document, schematrons));
        }
    }

    private static EvidenceItem Item(string name, string mediaType, long length) =>
        new(name, EvidenceKinds.SmtpMessage, EvidenceTags.Untagged(Run), string.Empty, name, mediaType, length, DateTimeOffset.UnixEpoch, new Dictionary<string, string>());

    /// <summary>What the bytes are: a zip (XDM), XML (CDA), or a MIME message (.eml or RFC 5322 headers).</summary>
    internal static string Sniff(string name, ReadOnlySpan<byte> content)
    {
        if (content.StartsWith("PK\u0003\u0004"u8))
        {
            return "xdm";
        }

        if (name.EndsWith(".eml", StringComparison.OrdinalIgnoreCase))
        {
            return "eml";
        }

        if (FhirResourceParser.LooksLikeFhir(content))
        {
            return "fhir";
        }

        var start = content.StartsWith("\uFEFF"u8) ? content[3..] : content;
        var trimmed = start.TrimStart(" \t\r\n"u8);
        if (trimmed.Length > 0 && trimmed[0] == (byte)'<')
        {
            return "cda";
        }

        var firstLine = trimmed[..Math.Min(trimmed.Length, 200)];
        var colon = firstLine.IndexOf((byte)':');
        var newline = firstLine.IndexOf((byte)'\n');
        return colon > 0 && (newline < 0 || colon < newline) && firstLine[..colon].IndexOf((byte)' ') < 0 ? "eml" : "unknown";
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"DocumentValidator(schematron: {_options.SchematronPath ?? "-"}, xsd: {_options.SchemaFolder ?? "-"})");
}
