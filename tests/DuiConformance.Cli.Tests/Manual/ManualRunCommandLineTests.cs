using DuiConformance.Core.Reporting;

namespace DuiConformance.Cli.Tests.Manual;

[Category("EndToEnd")]
[Category("Slow")]
[NonParallelizable]
[Description("Issue 6 §2: `run --driver manual` reads the operator's answers from standard input and prints the instructions on standard output.")]
public sealed class ManualRunCommandLineTests
{
    [Test]
    public async Task Run_driver_manual_takes_its_answers_from_standard_input_and_reports_them()
    {
        var directory = Path.Combine(Path.GetTempPath(), "dui-manual-cli-" + Guid.NewGuid().ToString("N"));
        var input = Console.In;
        var output = Console.Out;
        var screen = new StringWriter();
        try
        {
            // Note: Enter at the set-up question, « o » for create-usager, « p » for lookup-ins: the rest is skipped.
            Console.SetIn(new StringReader("\no\np\n"));
            Console.SetOut(screen);
            var progress = new StringWriter();

            await CliApplication.RunAsync(["run", "--driver", "manual", "--scenario", "ins-not-found", "--out", directory], progress, new StringWriter()).WaitAsync(TimeSpan.FromMinutes(2));

            var report = RunReportJson.Read(Path.Combine(directory, "report.json"));
            var steps = report.Scenarios.Single().Steps;
            steps.ShouldSatisfyAllConditions(
                () => steps.Single(step => step.Id == "create-usager").Message.ShouldBe("attestée par l'opérateur, non observée par le banc"),
                () => steps.Single(step => step.Id == "lookup-ins").ShouldSatisfyAllConditions(step => step.Outcome.ShouldBe("skip"), step => step.Message.ShouldBe("passée par l'opérateur")),
                () => steps.Single(step => step.Id == "publish-dmp").Outcome.ShouldBe("skip"));
            screen.ToString().ShouldContain("═══ Avant de commencer : paramétrez votre DUI ═══");
            screen.ToString().ShouldContain("── Étape 2/4 · lookup-ins · Rechercher l'INS de FICTIVUS JULES EMILE au téléservice INSi");
        }
        finally
        {
            Console.SetIn(input);
            Console.SetOut(output);
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }
}
