namespace DuiConformance.Cli;

/// <summary>The user asked for something that does not exist (an unknown defect, scenario or campaign): exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
