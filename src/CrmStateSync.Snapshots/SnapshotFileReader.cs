using System.Text;
using System.Text.RegularExpressions;
using CrmStateSync.Rules.Model;

namespace CrmStateSync.Snapshots;

/// <summary>
/// Reads snapshots (rules.md §1) from a JSON document — <c>{"asOf": …, "accounts": [ … ]}</c> or a bare array — or
/// from JSON Lines (a name ending in <c>.jsonl</c> or <c>.ndjson</c>, one account per line), one account at a time. A
/// malformed account is reported with its id and JSON path and skipped; the others are read. In a JSON document a
/// syntax error ends the read at that account (nothing after it can be trusted); in JSON Lines it costs only its line.
/// </summary>
public static partial class SnapshotFileReader
{
    /// <summary>True when <paramref name="path"/> names JSON Lines: it ends in <c>.jsonl</c> or <c>.ndjson</c>.</summary>
    public static bool IsJsonLines(string path) =>
        path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Opens a file to stream its accounts. With <paramref name="needAsOf"/>, a document whose <c>asOf</c> follows its
    /// accounts (or has none) is scanned for it first, so <see cref="SnapshotSource.AsOf"/> is known before the first
    /// account — that reads the file twice; without it, the file is read once.
    /// </summary>
    public static SnapshotSource Open(string path, bool needAsOf) => new(path, needAsOf);

    /// <summary>Every account and problem of a file at once (small files: samples, tests, the sandbox seed).</summary>
    public static SnapshotBatch Read(string path)
    {
        using var source = Open(path, needAsOf: true);
        var accounts = new List<AccountSnapshot>();
        var problems = new List<InputProblem>();
        foreach (var item in source.Read())
        {
            if (item.Account is { } account)
            {
                accounts.Add(account);
            }
            else if (item.Problem is { } problem)
            {
                problems.Add(problem);
            }
        }

        return new SnapshotBatch(source.AsOf, accounts, problems);
    }

    /// <summary>Best effort: the account id in raw text that did not parse, so the problem can name the account.</summary>
    internal static string? IdIn(ReadOnlySpan<byte> raw) =>
        IdPattern().Match(Encoding.UTF8.GetString(raw[..Math.Min(raw.Length, 4096)])) is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex("\"id\"\\s*:\\s*\"([^\"]*)\"")]
    private static partial Regex IdPattern();
}
