using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace CrmStateSync.Snapshots;

/// <summary>
/// The account ids seen so far, to refuse a duplicate. Kept as the first 128 bits of each id's SHA-256 (some 30 bytes
/// an id instead of some 70 for the string), in 256 sets chosen by the digest's first byte: one set would grow by
/// reallocating ever larger arrays on the large object heap, whose garbage lingers until a full collection (measured:
/// +67 MB of peak memory at a million accounts). Two different ids share a digest with odds of about 1 in 10^26 at a
/// million accounts; only then would the second be refused as a duplicate.
/// </summary>
internal sealed class AccountIds
{
    // Two 64-bit halves rather than a UInt128: a UInt128 is aligned to 16 bytes, which pads each set entry from 24 to
    // 32 bytes (about 10 MB more at a million accounts).
    private readonly HashSet<(ulong, ulong)>[] _seen = [.. Enumerable.Range(0, 256).Select(_ => new HashSet<(ulong, ulong)>())];

    /// <summary>True when <paramref name="id"/> was not seen before (it is remembered now).</summary>
    public bool Add(string id)
    {
        Span<byte> utf8 = stackalloc byte[256];
        var bytes = Encoding.UTF8.GetMaxByteCount(id.Length) <= utf8.Length ? utf8[..Encoding.UTF8.GetBytes(id, utf8)] : Encoding.UTF8.GetBytes(id);
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(bytes, digest);
        return _seen[digest[0]].Add((BinaryPrimitives.ReadUInt64LittleEndian(digest), BinaryPrimitives.ReadUInt64LittleEndian(digest[8..])));
    }
}
