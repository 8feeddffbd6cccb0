using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace DuiConformance.ReferenceDui;

/// <summary>
/// Mints OIDs under the <c>2.25</c> arc (ITU-T X.667: an OID made of a UUID read as a decimal integer), which needs no
/// registration and stays under 64 characters as XDS uniqueId requires.
/// </summary>
internal static class Oids
{
    /// <summary>A fresh random OID (UUID version 4), e.g. for a document id or a submission set uniqueId.</summary>
    public static string NewRandom() => FromGuid(Guid.NewGuid());

    /// <summary>
    /// A stable OID derived from a name (a UUID version 8 built from the SHA-256 of the name), e.g. the organisation's
    /// root OID derived from its FINESS: the same FINESS always yields the same OID.
    /// </summary>
    public static string FromName(string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(name));
        var bytes = hash.AsSpan(0, 16).ToArray();
        // Note: RFC 9562 §5.8, version 8 (custom) in the high nibble of byte 6, variant 10xx in byte 8.
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return "2.25." + new BigInteger(bytes, isUnsigned: true, isBigEndian: true).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The <c>2.25</c> OID of a UUID.</summary>
    public static string FromGuid(Guid guid)
    {
        var bytes = guid.ToByteArray(bigEndian: true);
        return "2.25." + new BigInteger(bytes, isUnsigned: true, isBigEndian: true).ToString(CultureInfo.InvariantCulture);
    }
}
