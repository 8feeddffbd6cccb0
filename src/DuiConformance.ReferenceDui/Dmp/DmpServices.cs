namespace DuiConformance.ReferenceDui.Dmp;

/// <summary>The DMP operations beyond publication: status before feeding, search and retrieval, masking.</summary>
internal sealed record DmpServices(DmpStatusChecker Status, DmpDocumentSearch Search, DmpVisibilityUpdater Visibility);
