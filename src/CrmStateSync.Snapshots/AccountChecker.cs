using System.Text.Json;

namespace CrmStateSync.Snapshots;

/// <summary>
/// Turns raw items into accounts and problems: <see cref="Map"/> parses and maps one account (any thread);
/// <see cref="Check"/> then, in file order, refuses an id seen before (the first one is evaluated). Remembers the ids
/// seen (<see cref="AccountIds"/>), the one thing kept per account.
/// </summary>
internal sealed class AccountChecker
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private readonly AccountIds _ids = new();

    /// <summary>One account mapped, with its problems, or the read's own problem.</summary>
    public static Mapped Map(RawItem raw)
    {
        if (raw.Problem is { } problem)
        {
            return new Mapped(raw, null, [(problem.Path, problem.Message)], problem.Account);
        }

        if (raw.Snapshot is { } direct)
        {
            return new Mapped(raw, direct, []);
        }

        var problems = new List<(string Path, string Message)>();
        try
        {
            // A line has not been checked as JSON yet and takes none of a document's leniency.
            using var doc = raw.IsLine ? JsonDocument.Parse(raw.Json) : JsonDocument.Parse(raw.Json, DocumentOptions);
            return new Mapped(raw, SnapshotMapper.Map(doc.RootElement, raw.Path, problems), problems);
        }
        catch (JsonException ex) when (raw.IsLine)
        {
            problems.Add((raw.Path, $"invalid JSON at byte {ex.BytePositionInLine + 1}: {ex.Message}"));
            return new Mapped(raw, null, problems, SnapshotFileReader.IdIn(raw.Json.Span) ?? $"#{raw.Index}");
        }
        catch (InvalidOperationException)
        {
            // A name or value whose bytes are not UTF-8 where no field reader could word it (a property name, a
            // problem's quoted value): the account is refused, the file read on.
            problems.Add((raw.Path, "holds text that is not valid UTF-8 (is the file in another encoding?)"));
            return new Mapped(raw, null, problems, SnapshotFileReader.IdIn(raw.Json.Span) ?? $"#{raw.Index}");
        }
    }

    /// <summary>The account, or its problems named by id (or <c>#index</c> without one) and JSON path.</summary>
    public IEnumerable<SnapshotRead> Check(Mapped mapped)
    {
        var (raw, snapshot, problems, label) = mapped;
        if (snapshot is not null && problems.Count == 0 && !_ids.Add(snapshot.Id))
        {
            problems.Add(($"{raw.Path}.id", $"duplicate account id '{snapshot.Id}'; the first one was evaluated"));
        }

        if (snapshot is not null && problems.Count == 0)
        {
            return [new SnapshotRead(snapshot, null)];
        }

        label ??= string.IsNullOrWhiteSpace(snapshot?.Id) ? $"#{raw.Index}" : snapshot.Id;
        return problems.Select(p => new SnapshotRead(null, new InputProblem(label, p.Path, p.Message)));
    }
}

/// <summary>A raw item after mapping.</summary>
/// <param name="Raw">What was read.</param>
/// <param name="Snapshot">The account, or null when it could not be mapped.</param>
/// <param name="Problems">Every problem found, with its JSON path.</param>
/// <param name="Label">How the problems name the account when there is no mapped id to go by: the read's own label,
/// or the id found in a line that is not JSON.</param>
internal sealed record Mapped(RawItem Raw, Rules.Model.AccountSnapshot? Snapshot, List<(string Path, string Message)> Problems, string? Label = null);
