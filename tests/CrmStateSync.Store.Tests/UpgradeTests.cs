using CrmStateSync.Store.Schema;
using CrmStateSync.Sync.Diff;

namespace CrmStateSync.Store.Tests;

/// <summary>
/// Issue 14: a store file written by an older build, holding data, is brought to the latest schema when a newer build
/// opens it — its history, conflict log and runs kept and readable, and the newer features usable on them.
/// </summary>
public class UpgradeTests : StoreTestBase
{
    [TestCase(1)]
    [TestCase(5)]
    [TestCase(7)]
    public async Task Open_FileOfAnOlderVersionHoldingData_MigratesToTheLatestAndKeepsEveryRow(int version)
    {
        WriteOlderFile(version);

        var store = await OpenAsync();
        var transitions = await store.TransitionsSinceAsync(DateOnly.MinValue, Ct);
        var conflicts = await store.ListConflictsAsync(null, Ct);
        var runs = await store.RecentRunsAsync(10, Ct);
        var resolved = await store.ResolveConflictAsync(conflicts[0].Id, ConflictKeep.Engine, new DateOnly(2026, 11, 24), "admin", Ct);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Scalar("SELECT version FROM schema_info"), Is.EqualTo(SqliteSyncStore.SchemaVersion));
            Assert.That(transitions.Select(t => (t.AccountId, t.From, t.To, t.On)), Is.EqualTo(new[] { ("001A", (string?)null, (string?)"New Customer", new DateOnly(2026, 10, 1)) }));
            Assert.That(conflicts.Select(c => (c.AccountId, c.Field, c.Action, c.ResolvedBy)), Is.EqualTo(new[] { ("001A", "stage", ConflictAction.Open, (string?)null) }));
            Assert.That(runs.Select(r => (r.Kind, r.Outcome, r.Counts.Written)), Is.EqualTo(new[] { ("sync", (string?)"ok", 3) }));
            Assert.That(resolved, Is.True, "the newer resolution (who, applied) works on a conflict logged by the older build");
            Assert.That((await store.ListConflictsAsync(null, Ct))[0].ResolvedBy, Is.EqualTo("admin"));
        }
    }

    /// <summary>The file an older build left: its migrations only, its identity row, one row in each table that matters.</summary>
    private void WriteOlderFile(int version)
    {
        using var connection = Raw();
        foreach (var migration in Migration.All.Where(m => m.Version <= version))
        {
            Execute(connection, migration.Sql);
        }

        Execute(connection, $"INSERT INTO schema_info (singleton, version, org_id, provider, created_at) VALUES (1, {version}, '{Org}', '{Provider}', '2026-10-01T00:00:00.0000000Z')");
        Execute(connection, "INSERT INTO transitions (account_id, from_stage, to_stage, on_date, source, reason, recorded_at) VALUES ('001A', NULL, 'New Customer', '2026-10-01', 'Automated', 'won', '2026-10-01T00:00:00.0000000Z')");
        Execute(connection, "INSERT INTO conflicts (account_id, field, crm_value, engine_value, action, rule, detected_on) VALUES ('001A', 'stage', 'Healthy', 'Onboarding', 'Open', 'Review', '2026-11-20')");
        Execute(connection, "INSERT INTO runs (kind, started_at, finished_at, outcome, read, evaluated, written, rejected, conflicts, api_calls) VALUES ('sync', '2026-11-20T09:00:00.0000000Z', '2026-11-20T09:01:00.0000000Z', 'ok', 10, 5, 3, 0, 1, 7)");
    }

    private static void Execute(Microsoft.Data.Sqlite.SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
