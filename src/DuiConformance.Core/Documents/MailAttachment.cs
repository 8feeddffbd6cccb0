using MimeKit;

namespace DuiConformance.Core.Documents;

/// <summary>A MIME leaf part that carries a file name (an attachment such as IHE_XDM.ZIP).</summary>
/// <param name="FileName">The file name from Content-Disposition or Content-Type.</param>
/// <param name="MediaType">The part's media type, e.g. <c>application/zip</c>.</param>
/// <param name="Part">The MimeKit part, to decode its content.</param>
/// <param name="Index">0-based position among the message's leaf parts, for locations.</param>
public sealed record MailAttachment(string FileName, string MediaType, MimePart Part, int Index)
{
    /// <summary>How the attachment is named in finding locations.</summary>
    public string Entry => FileName;
}
