using DuiConformance.ReferenceDui.Cda;
using DuiConformance.ReferenceDui.Dmp;
using DuiConformance.ReferenceDui.Mss;
using DuiConformance.ReferenceDui.Storage;

namespace DuiConformance.ReferenceDui.Web;

/// <summary>Everything a request handler needs, composed once at start from the settings.</summary>
internal sealed record ReferenceDuiContext(
    OrganisationProfile Organisation,
    ReferenceDuiDatabase Database,
    DluDocumentBuilder DluBuilder,
    DmpPublisher DmpPublisher,
    MssMessageBuilder MessageBuilder,
    MssSender MssSender,
    TimeProvider Time,
    Identity.InsiClient? Insi = null,
    DmpServices? Dmp = null,
    MssServices? Mss = null)
{
    /// <summary>The defects switched on, in catalogue order (for <c>/about</c>).</summary>
    public IReadOnlyList<string> DefectList => ReferenceDuiDefects.Known.Where(Organisation.Has).ToList();
}
