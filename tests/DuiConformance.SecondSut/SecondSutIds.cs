using System.Numerics;

namespace DuiConformance.SecondSut;

/// <summary>Identifiers of the second SUT: UUID-derived OIDs (2.25.&lt;integer&gt;, ITU-T X.667) for documents and its IPP domain.</summary>
public static class SecondSutIds
{
    /// <summary>The OID of this installation (submission set source).</summary>
    public static string SourceOid { get; } = NewOid();

    /// <summary>The assigning authority of local resident numbers (IPP).</summary>
    public static string IppRoot { get; } = SourceOid + ".7";

    public static string NewOid() => "2.25." + new BigInteger(Guid.NewGuid().ToByteArray(), isUnsigned: true, isBigEndian: true).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
