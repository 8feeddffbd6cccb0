using System.CommandLine;
using DuiConformance.Cli.Commands;
using DuiConformance.Core;

namespace DuiConformance.Cli;

/// <summary>The composition root: builds the command tree and maps failures to exit codes (DESIGN.md §3).</summary>
public static class CliApplication
{
    /// <summary>Parses and runs a command line; returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        var root = new RootCommand("DuiConformance : banc de test d'interopérabilité des DUI (référencement Ségur, ESMS numérique, SONS).")
        {
            RunCommand.Create(output),
            ServeCommand.Create(output),
            CatalogueCommand.Create(output),
            ReportCommand.Create(output),
            VerifyCommand.Create(output),
            ValidateCommand.Create(output),
        };

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var parseError in parse.Errors)
            {
                await error.WriteLineAsync("dui-conformance: " + parseError.Message).ConfigureAwait(false);
            }

            await error.WriteLineAsync("Voir « dui-conformance --help ».").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        using var cancellation = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, eventArgs) =>
        {
            eventArgs.Cancel = true;
            cancellation.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            // Note: ProcessTerminationTimeout = null — System.CommandLine's own SIGINT/SIGTERM handling returns 130/143 at once
            // and ends the process before an action has cleaned up; here the signal cancels the token instead, so `serve`
            // flushes its evidence and `run` reports the interruption (DESIGN.md §3).
            return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null }, cancellation.Token).ConfigureAwait(false);
        }
        catch (UsageException exception)
        {
            await error.WriteLineAsync("dui-conformance: " + exception.Message).ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        catch (HarnessException exception)
        {
            await error.WriteLineAsync($"dui-conformance: erreur du banc de test {exception.Code} : {exception.Message}").ConfigureAwait(false);
            return ExitCodes.HarnessError;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            await error.WriteLineAsync("dui-conformance: interrompu.").ConfigureAwait(false);
            return ExitCodes.HarnessError;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }
}
