using System.IO.Compression;
using System.Net;
using System.Text;
using DuiConformance.ReferenceDui.Identity;
using DuiConformance.ReferenceDui.Storage;

namespace DuiConformance.ReferenceDui.Mss;

/// <summary>
/// Builds the <c>IHE_XDM.ZIP</c> attached to MSSanté messages (IHE XDM, volet "Echange de documents de santé",
/// domain.md §4.3): <c>INDEX.HTM</c> and <c>README.TXT</c> at the root, then <c>IHE_XDM/SUBSET01/METADATA.XML</c>
/// and the CDA as <c>IHE_XDM/SUBSET01/DOC0001.XML</c>. The defect <c>xdm-missing-metadata</c> leaves METADATA.XML out
/// and changes nothing else.
/// </summary>
internal sealed class XdmPackageBuilder
{
    /// <summary>The attachment's file name.</summary>
    public const string FileName = "IHE_XDM.ZIP";

    /// <summary>The subset folder of the single submission.</summary>
    public const string SubsetFolder = "IHE_XDM/SUBSET01/";

    /// <summary>The CDA's file name inside the subset folder; also the metadata URI (relative to the subset folder).</summary>
    public const string DocumentFileName = "DOC0001.XML";

    private readonly OrganisationProfile _organisation;

    public XdmPackageBuilder(OrganisationProfile organisation)
    {
        _organisation = organisation ?? throw new ArgumentNullException(nameof(organisation));
    }

    /// <summary>The identifiers minted for one package.</summary>
    public sealed record Identifiers(Guid DocumentEntryUuid, Guid SubmissionSetUuid, string SubmissionSetUniqueId)
    {
        /// <summary>New random identifiers.</summary>
        public static Identifiers New() => new(Guid.NewGuid(), Guid.NewGuid(), Oids.NewRandom());
    }

    /// <summary>The zip bytes for <paramref name="document"/> sent to <paramref name="recipient"/>.</summary>
    public byte[] Build(Usager usager, StoredDocument document, string recipient, DateTimeOffset submissionTime, Identifiers ids)
    {
        ArgumentNullException.ThrowIfNull(usager);
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(ids);

        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "INDEX.HTM", IndexHtml(usager, document), submissionTime);
            Add(zip, "README.TXT", Readme(), submissionTime);
            if (!_organisation.Has(ReferenceDuiDefects.XdmMissingMetadata))
            {
                var metadata = XdmMetadataWriter.Write(_organisation, new XdmMetadataWriter.Input(
                    usager, document, DocumentFileName, recipient, submissionTime, ids.DocumentEntryUuid, ids.SubmissionSetUuid, ids.SubmissionSetUniqueId));
                Add(zip, SubsetFolder + "METADATA.XML", metadata, submissionTime);
            }

            Add(zip, SubsetFolder + DocumentFileName, document.CdaBytes, submissionTime);
        }

        return stream.ToArray();
    }

    private static void Add(ZipArchive zip, string name, byte[] content, DateTimeOffset time)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = time;
        using var output = entry.Open();
        output.Write(content);
    }

    private byte[] IndexHtml(Usager usager, StoredDocument document)
    {
        static string E(string s) => WebUtility.HtmlEncode(s);
        var html = $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
            <html xmlns="http://www.w3.org/1999/xhtml" xml:lang="fr" lang="fr">
              <head>
                <meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />
                <title>Archive IHE XDM - {E(document.Title)}</title>
              </head>
              <body>
                <h1>Archive IHE XDM</h1>
                <p>Émetteur : {E(_organisation.Name)} (FINESS {E(_organisation.Finess)}).</p>
                <p>Usager : {E(usager.BirthName)} {E(usager.FirstGivenName)}, né(e) le {usager.BirthDate.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)}.</p>
                <ul>
                  <li><a href="{SubsetFolder}{DocumentFileName}">{E(document.Title)}</a> (CDA R2, {document.CdaBytes.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)} octets)</li>
                  <li><a href="{SubsetFolder}METADATA.XML">Métadonnées XDS (METADATA.XML)</a></li>
                  <li><a href="README.TXT">Informations sur le logiciel émetteur (README.TXT)</a></li>
                </ul>
              </body>
            </html>

            """;
        return Encoding.UTF8.GetBytes(html.ReplaceLineEndings("\r\n"));
    }

    private byte[] Readme()
    {
        // Note: IHE ITI TF-1 §16 (XDM), README.TXT names the vendor, the product and its version.
        var text = $"""
            Archive IHE XDM (volet Echange de documents de sante, CI-SIS)

            Editeur : DuiConformance (logiciel de test, donnees fictives)
            Produit : {_organisation.ProductName}
            Version : {_organisation.ProductVersion}
            Reference Convergence : {_organisation.ConvergenceProductReference}
            Etablissement emetteur : {_organisation.Name} (FINESS {_organisation.Finess})

            Contenu :
              README.TXT                  ce fichier
              INDEX.HTM                   sommaire lisible dans un navigateur
              IHE_XDM/SUBSET01/           lot de soumission
                METADATA.XML              metadonnees XDS (ebRIM SubmitObjectsRequest)
                {DocumentFileName}               document CDA R2

            """;
        return Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\r\n"));
    }
}
