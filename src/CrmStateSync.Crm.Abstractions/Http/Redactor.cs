using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace CrmStateSync.Crm.Http;

/// <summary>
/// Keeps secrets out of log lines and exception messages: bearer tokens, OAuth form fields and JSON token fields by
/// pattern, and every secret value registered at start-up (client secrets, private keys, private-app tokens) by value.
/// </summary>
public static partial class Redactor
{
    private const string Mask = "***";
    private static readonly ConcurrentDictionary<string, byte> Secrets = new(StringComparer.Ordinal);

    /// <summary>Registers a secret value so it is masked wherever it appears. Short values are ignored (too many false hits).</summary>
    public static void RegisterSecret(string? secret)
    {
        if (!string.IsNullOrEmpty(secret) && secret.Length >= 6)
        {
            Secrets.TryAdd(secret, 0);
        }
    }

    /// <summary>The text with every known secret and secret-shaped value masked.</summary>
    public static string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? "";
        }

        foreach (var secret in Secrets.Keys)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        text = BearerPattern().Replace(text, "Bearer " + Mask);
        text = FormFieldPattern().Replace(text, m => m.Groups[1].Value + "=" + Mask);
        return JsonFieldPattern().Replace(text, m => $"\"{m.Groups[1].Value}\":\"{Mask}\"");
    }

    [GeneratedRegex(@"Bearer\s+[A-Za-z0-9\-._~+/!=]+", RegexOptions.IgnoreCase)]
    private static partial Regex BearerPattern();

    [GeneratedRegex(@"\b(client_secret|access_token|refresh_token|assertion|password|code|hapikey|token)=[^&\s""]+", RegexOptions.IgnoreCase)]
    private static partial Regex FormFieldPattern();

    [GeneratedRegex(@"""(access_token|refresh_token|client_secret|assertion|token|private_key)""\s*:\s*""[^""]*""", RegexOptions.IgnoreCase)]
    private static partial Regex JsonFieldPattern();
}
