using CrmStateSync.Crm.Contract;
using CrmStateSync.Store.Internal;
using Microsoft.Data.Sqlite;

namespace CrmStateSync.Store;

/// <summary>
/// Problems with records, stored under the run in progress (sync.md "No record stops a cycle"). A record read with
/// problems gets them recorded (an identical problem still open is not repeated); a record read back fine, or deleted,
/// closes its open problems. Outside a run (a dry run) problems are neither recorded nor closed.
/// </summary>
public sealed partial class SqliteSyncStore
{
    private const string ProblemInsert =
        "INSERT INTO problems (run_id, object, record_id, field, value, message, kind, kept_aside, detected_at) " +
        "VALUES (@Run, @ObjectName, @RecordId, @Field, @Value, @Message, @Kind, @KeptAside, @Now)";

    /// <summary>The run whose problems are being recorded (set by <see cref="StartRunAsync(string, DateTimeOffset, CancellationToken)"/>); 0 outside a run.</summary>
    private long _run;

    /// <summary>Records problems met outside the cache (an account whose evaluation failed) under the run in progress.</summary>
    public Task AddProblemsAsync(IReadOnlyList<NewProblem> problems, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(problems);
        return InTransactionAsync(
            async (c, tx) =>
            {
                foreach (var p in problems)
                {
                    await InsertProblemAsync(c, tx, p, cancellationToken).ConfigureAwait(false);
                }

                return 0;
            },
            cancellationToken);
    }

    /// <summary>Closes the open evaluation failures of accounts that were evaluated and settled since (the run in progress's).</summary>
    public Task CloseEvaluationProblemsAsync(IReadOnlyList<string> accountIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accountIds);
        return InTransactionAsync(
            async (c, tx) =>
            {
                const string Open = "object = 'Account' AND field = '" + Sync.Ports.RecordProblem.Evaluation + "' AND closed_at IS NULL";
                if (_run == 0 || !await c.ScalarAsync<bool>($"SELECT EXISTS (SELECT 1 FROM problems WHERE {Open})", null, tx, cancellationToken).ConfigureAwait(false))
                {
                    return 0;
                }

                var rows = accountIds.Select(id => new { Id = id, Now = Now(), Run = _run }).ToList();
                return await c.ExecAsync($"UPDATE problems SET closed_at = @Now, closed_run_id = @Run WHERE {Open} AND record_id = @Id", rows, tx, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);
    }

    /// <summary>Accounts kept aside (an open problem in one of their input fields): not evaluated until read back fine.</summary>
    public Task<IReadOnlySet<string>> KeptAsideAccountsAsync(CancellationToken cancellationToken) =>
        UseAsync(
            async c => (IReadOnlySet<string>)(await c.ListAsync<string>(
                "SELECT DISTINCT record_id FROM problems WHERE object = 'Account' AND kept_aside = 1 AND closed_at IS NULL", null, null, cancellationToken).ConfigureAwait(false))
                .ToHashSet(StringComparer.Ordinal),
            cancellationToken);

    private static Task<bool> AnyOpenProblemAsync(SqliteConnection c, SqliteTransaction tx, CrmObject kind, CancellationToken ct) =>
        c.ScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM problems WHERE object = @Object AND closed_at IS NULL)", new { Object = kind.ToString() }, tx, ct);

    /// <summary>The record was read in this run with <paramref name="problems"/> (none: read back fine, or deleted).</summary>
    private async Task NoteProblemsAsync(SqliteConnection c, SqliteTransaction tx, CrmObject kind, string recordId, IReadOnlyList<NewProblem> problems, CancellationToken ct)
    {
        if (_run == 0)
        {
            return;
        }

        var open = await c.ListAsync<OpenProblemRow>(
            "SELECT id AS Id, field AS Field, value AS Value, message AS Message FROM problems WHERE object = @Object AND record_id = @RecordId AND closed_at IS NULL AND kind <> 'UnknownAccount'",
            new { Object = kind.ToString(), RecordId = recordId },
            tx,
            ct).ConfigureAwait(false);
        var fixedIds = open.Where(o => !problems.Any(o.Same)).Select(o => new { o.Id, Now = Now(), Run = _run }).ToList();
        await c.ExecAsync("UPDATE problems SET closed_at = @Now, closed_run_id = @Run WHERE id = @Id", fixedIds, tx, ct).ConfigureAwait(false);
        foreach (var p in problems.Where(p => !open.Any(o => o.Same(p))))
        {
            await InsertProblemAsync(c, tx, p, ct).ConfigureAwait(false);
        }
    }

    private async Task InsertProblemAsync(SqliteConnection c, SqliteTransaction tx, NewProblem p, CancellationToken ct)
    {
        if (_run == 0)
        {
            return;
        }

        var row = new { Run = _run, ObjectName = p.ObjectName, p.RecordId, p.Field, p.Value, p.Message, Kind = p.Kind.ToString(), KeptAside = p.KeptAside ? 1 : 0, Now = Now() };
        var repeated = await c.ScalarAsync<bool>(
            "SELECT EXISTS (SELECT 1 FROM problems WHERE object = @ObjectName AND record_id = @RecordId AND field = @Field AND value IS @Value AND message = @Message AND closed_at IS NULL)",
            row,
            tx,
            ct).ConfigureAwait(false);
        if (!repeated)
        {
            await c.ExecAsync(ProblemInsert, row, tx, ct).ConfigureAwait(false);
        }
    }

    private static List<NewProblem> ProblemsOf<T>(CrmObject kind, CrmChange<T> change)
        where T : class =>
        [.. change.Problems.Select(p => new NewProblem(kind.ToString(), change.Id, p.Field, p.Value, p.Message, ProblemKind.Unreadable, change.KeptAside))];

    private sealed class OpenProblemRow
    {
        public long Id { get; set; }
        public string Field { get; set; } = "";
        public string? Value { get; set; }
        public string Message { get; set; } = "";

        public bool Same(NewProblem p) => p.Field == Field && p.Value == Value && p.Message == Message;
    }
}

/// <summary>A problem to record under the run in progress.</summary>
public sealed record NewProblem(string ObjectName, string RecordId, string Field, string? Value, string Message, ProblemKind Kind, bool KeptAside);
