namespace DuiConformance.Core.Validation.Schematron;

/// <summary>What a schematron result records, named after the SVRL elements (ISO/IEC 19757-3 Annex D).</summary>
public enum SchematronResultKind
{
    /// <summary>An <c>assert</c> whose test was false: the document breaks the rule.</summary>
    FailedAssert,

    /// <summary>A <c>report</c> whose test was true: the rule reports a situation (an error or a warning, per its role).</summary>
    SuccessfulReport,
}
