using Microsoft.AspNetCore.Identity;

namespace CrmStateSync.AdminConsole;

/// <summary>
/// Console passwords as ASP.NET Core Identity's hasher keeps them (PBKDF2 with HMAC-SHA512, a random salt, the iteration
/// count inside the hash): a well-kept format rather than one of our own, and a stored hash alone does not sign anyone in.
/// </summary>
public static class PasswordHashes
{
    private static readonly PasswordHasher<string> Hasher = new();

    /// <summary>The hash to put in the secrets for <paramref name="password"/>.</summary>
    public static string Hash(string password) => Hasher.HashPassword("", password);

    /// <summary>Whether <paramref name="password"/> is the one <paramref name="hash"/> was made from.</summary>
    public static bool Verify(string hash, string password) =>
        LooksLikeHash(hash) && Hasher.VerifyHashedPassword("", hash, password) != PasswordVerificationResult.Failed;

    /// <summary>Whether the text is a hash this class made (version 3 of the format: base64, marker byte 1).</summary>
    public static bool LooksLikeHash(string? hash)
    {
        if (string.IsNullOrWhiteSpace(hash) || hash.Length < 40)
        {
            return false;
        }

        var bytes = new byte[hash.Length];
        return Convert.TryFromBase64String(hash, bytes, out var length) && length > 13 && bytes[0] == 0x01;
    }
}
