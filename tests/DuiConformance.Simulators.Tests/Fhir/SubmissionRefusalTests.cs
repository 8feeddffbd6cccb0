using System.Net;
using System.Text;
using DuiConformance.Core.Checks.Fhir;
using DuiConformance.Core.Evidence;
using DuiConformance.Core.Outcomes;
using DuiConformance.Simulators.Fhir;
using DuiConformance.Simulators.Tests.Support;
using Hl7.Fhir.Model;

namespace DuiConformance.Simulators.Tests.Fhir;

/// <summary>A refusal armed by a scenario (<c>fhir-refuse:</c>, PDSM-07): the next ITI-65 or ITI-105 submission gets it, once.</summary>
[Category("Network")]
public sealed class SubmissionRefusalTests : FhirSimulatorTestBase
{
    private const string Ins = "255069999999942";
    private static readonly byte[] Cda = Encoding.UTF8.GetBytes("<ClinicalDocument xmlns=\"urn:hl7-org:v3\"><title>DLU</title></ClinicalDocument>");

    [TestCase("422 DMP-AUTEUR-INCONNU L'auteur n'est pas connu.", 422, "DMP-AUTEUR-INCONNU", "L'auteur n'est pas connu.")]
    [TestCase("  503   DMP-INDISPONIBLE   Service en maintenance ", 503, "DMP-INDISPONIBLE", "Service en maintenance")]
    public void A_refusal_reads_status_code_and_diagnostics(string text, int status, string code, string diagnostics)
    {
        SubmissionRefusal.Parse(text).ShouldBe(new SubmissionRefusal(status, code, diagnostics));
    }

    [TestCase("")]
    [TestCase("422 SEUL-CODE")]
    [TestCase("200 OK tout va bien")]
    [TestCase("abc CODE texte")]
    public void A_malformed_refusal_is_a_format_error(string text)
    {
        Should.Throw<FormatException>(() => SubmissionRefusal.Parse(text)).Message.ShouldContain("statut HTTP");
    }

    [Test, Description("PDSm st_ajout.md: a refused ITI-65 is answered 4xx with an OperationOutcome; the next one is processed as usual")]
    public async System.Threading.Tasks.Task An_armed_refusal_answers_the_next_iti65_once()
    {
        Simulator.Refusals.Arm(new SubmissionRefusal(422, "DMP-AUTEUR-INCONNU", "L'auteur n'est pas connu du RPPS."));

        using var refused = await ProvideAsync();
        using var accepted = await ProvideAsync();

        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var outcome = Iti65Bundles.Parse<OperationOutcome>(await refused.Content.ReadAsByteArrayAsync());
        var issue = outcome.Issue.ShouldHaveSingleItem();
        issue.Diagnostics.ShouldBe("L'auteur n'est pas connu du RPPS.");
        issue.Details!.Coding.ShouldHaveSingleItem().Code.ShouldBe("DMP-AUTEUR-INCONNU");
        accepted.StatusCode.ShouldBe(HttpStatusCode.OK);
        Evidence.Store.Items.Where(item => item.Kind == EvidenceKinds.FhirRequest).Select(item => item.Property(FhirProperties.Interaction)).ShouldBe(["ITI-65", "ITI-65"]);
        Evidence.Store.Items.Where(item => item.Kind == EvidenceKinds.FhirResponse).Select(item => item.Property(FhirProperties.Status)).ShouldBe(["422", "200"]);
    }

    [Test, Description("PDSm st_ajout_simplifie.md: 400/404/422 plus OperationOutcome on failure; a cleared refusal is not used")]
    public async System.Threading.Tasks.Task An_armed_refusal_answers_iti105_and_a_cleared_one_is_never_used()
    {
        Simulator.Refusals.Arm(new SubmissionRefusal(400, "DMP-FORMAT", "Format refusé."));
        using (var content = PdsmDocuments.Json(PdsmDocuments.Publication(Ins, Cda)))
        using (var refused = await Http.PostAsync(new Uri(Simulator.BaseAddress + "/DocumentReference"), content).WithTimeout("ITI-105"))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }

        Simulator.Refusals.Arm(new SubmissionRefusal(422, "DMP-X", "Jamais utilisé."));
        Simulator.Refusals.Clear();
        using var accepted = await ProvideAsync();

        accepted.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test, Description("The Core check fhir.iti105.simplified-publish passes what the simulator accepts with 201")]
    public async System.Threading.Tasks.Task A_publication_the_simulator_accepts_passes_the_iti105_check()
    {
        using (var content = PdsmDocuments.Json(PdsmDocuments.Publication(Ins, Cda)))
        using (var created = await Http.PostAsync(new Uri(Simulator.BaseAddress + "/DocumentReference"), content).WithTimeout("ITI-105"))
        {
            created.StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        var evidence = EvidenceSet.Of([.. Evidence.Store.Items.Select(item => (item, Evidence.Store.ReadContent(item)))]);
        var result = new Iti105SimplifiedPublishCheck().Evaluate(evidence);

        result.Outcome.ShouldBe(Outcome.Pass, string.Join("; ", result.Findings.Select(finding => finding.Message)));
    }

    private async Task<HttpResponseMessage> ProvideAsync()
    {
        using var content = Iti65Bundles.Content(Iti65Bundles.Provide(Ins, "74207-2", DateTimeOffset.UnixEpoch, Cda));
        return await Http.PostAsync(new Uri(Simulator.BaseAddress + "/"), content).WithTimeout("ITI-65");
    }
}
