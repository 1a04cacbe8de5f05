using System.Text.Json;

namespace CrmStateSync.Snapshots;

/// <summary>
/// Maps one account's JSON and checks it: every field problem, and an id seen before (the first one is evaluated).
/// Remembers the ids seen, the one thing kept per account (some 60 bytes each).
/// </summary>
internal sealed class AccountChecker
{
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);

    /// <summary>The account, or its problems, named by id (or <c>#index</c> without one) and JSON path.</summary>
    public IEnumerable<SnapshotRead> Check(JsonElement element, string path, int index)
    {
        var problems = new List<(string Path, string Message)>();
        var snapshot = SnapshotMapper.Map(element, path, problems);
        if (snapshot is not null && problems.Count == 0 && !_ids.Add(snapshot.Id))
        {
            problems.Add(($"{path}.id", $"duplicate account id '{snapshot.Id}'; the first one was evaluated"));
        }

        if (snapshot is not null && problems.Count == 0)
        {
            return [new SnapshotRead(snapshot, null)];
        }

        var label = string.IsNullOrWhiteSpace(snapshot?.Id) ? $"#{index}" : snapshot.Id;
        return problems.Select(p => new SnapshotRead(null, new InputProblem(label, p.Path, p.Message)));
    }
}
