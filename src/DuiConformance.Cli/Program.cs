using DuiConformance.Cli;

return await CliApplication.RunAsync(args).ConfigureAwait(false);
