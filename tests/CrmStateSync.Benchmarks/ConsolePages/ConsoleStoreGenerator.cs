using System.Diagnostics;
using CrmStateSync.Store;
using Microsoft.Data.Sqlite;

namespace CrmStateSync.Benchmarks.ConsolePages;

/// <summary>
/// <c>console-store --out FILE [--accounts N] [--runs N] [--seed N]</c>: a store the size issue 15 sets for the console
/// (100,000 accounts, about 1,000,000 transitions, 20,000 conflicts, 5,000 problems, 3,000 runs). The file is created by
/// <see cref="SqliteSyncStore.OpenAsync"/>, so it has the real schema and indexes at the latest migration; the rows are
/// then bulk inserted in one transaction with prepared statements. Deterministic: the same seed gives the same file.
/// No ANALYZE is run, because the worker never runs one: the console's queries must be fast on the planner's defaults.
/// </summary>
internal static class ConsoleStoreGenerator
{
    public const string OrgId = "00DCONSOLESCALE";
    public const string Provider = "salesforce";

    /// <summary>The generated store's "now": the last run started an hour before it, and the page run's clock reads it.</summary>
    public static readonly DateTime Now = new(2026, 12, 7, 18, 0, 0, DateTimeKind.Utc);

    private const string Usage = "usage: console-store --out FILE [--accounts N (100000)] [--runs N (3000)] [--seed N (15)]";

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var (path, accounts, runs, seed) = ((string?)null, 100_000, 3_000, 15);
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            switch (args[i])
            {
                case "--out": path = args[i + 1]; break;
                case "--accounts": accounts = int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture); break;
                case "--runs": runs = int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture); break;
                case "--seed": seed = int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture); break;
                default: await Console.Error.WriteLineAsync(Usage); return 2;
            }
        }

        if (path is null || args.Count % 2 != 0 || accounts < 1 || runs < 1)
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        var clock = Stopwatch.StartNew();
        await GenerateAsync(path, accounts, runs, seed);
        Console.WriteLine($"generated in {clock.Elapsed.TotalSeconds:F1} s: {path}, {new FileInfo(path).Length / 1_048_576.0:F0} MB");
        return 0;
    }

    public static async Task GenerateAsync(string path, int accounts, int runs, int seed)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm", path + "-journal" })
        {
            File.Delete(file);
        }

        await using (await SqliteSyncStore.OpenAsync(path, OrgId, Provider, time: new FixedTime(Now.AddYears(-3))))
        {
        }

        SqliteConnection.ClearAllPools();
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync();
        // A throwaway file: no rollback journal, no fsync, a big page cache for the index builds. Back to WAL at the end,
        // as the worker leaves it.
        Exec(connection, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -1000000; PRAGMA temp_store = MEMORY;");
        var rng = new Random(seed);
        var phase = Stopwatch.StartNew();
        await using (var tx = connection.BeginTransaction())
        {
            var cache = new ConsoleStoreAccounts(connection, tx, rng, Now);
            cache.Write(accounts);
            Console.WriteLine($"  {accounts:N0} accounts, {cache.Transitions:N0} transitions, children and last-written values: {phase.Elapsed.TotalSeconds:F1} s");
            phase.Restart();
            var history = new ConsoleStoreHistory(connection, tx, rng, Now, accounts);
            history.Write(runs, problems: accounts / 20, conflicts: accounts / 5, tasks: accounts / 10);
            Console.WriteLine($"  {runs:N0} runs, {history.Entries:N0} write entries ({history.Rejected:N0} rejected), {accounts / 20:N0} problems, " +
                $"{accounts / 5:N0} conflicts, {accounts / 10:N0} tasks: {phase.Elapsed.TotalSeconds:F1} s");
            phase.Restart();
            await tx.CommitAsync();
        }

        Exec(connection, "PRAGMA journal_mode = WAL;");
        Console.WriteLine($"  commit: {phase.Elapsed.TotalSeconds:F1} s");
    }

    private static void Exec(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>A clock stopped at one instant.</summary>
    internal sealed class FixedTime(DateTime utc) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(utc, TimeSpan.Zero);
    }
}
