using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace CrmStateSync.Snapshots;

/// <summary>
/// The account ids seen so far, to refuse a duplicate. Kept as the first 128 bits of each id's SHA-256 (about 36 bytes
/// an id instead of some 70 for the string), so a million accounts cost some 36 MB. Two different ids share a digest
/// with odds of about 1 in 10^26 at a million accounts; only then would the second be refused as a duplicate.
/// </summary>
internal sealed class AccountIds
{
    private readonly HashSet<UInt128> _seen = [];

    /// <summary>True when <paramref name="id"/> was not seen before (it is remembered now).</summary>
    public bool Add(string id)
    {
        Span<byte> utf8 = stackalloc byte[256];
        var bytes = Encoding.UTF8.GetMaxByteCount(id.Length) <= utf8.Length ? utf8[..Encoding.UTF8.GetBytes(id, utf8)] : Encoding.UTF8.GetBytes(id);
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(bytes, digest);
        return _seen.Add(BinaryPrimitives.ReadUInt128LittleEndian(digest));
    }
}
