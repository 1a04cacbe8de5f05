using System.Text.Json;
using CrmStateSync.Sandbox;
using CrmStateSync.Sandbox.Seed;
using CrmStateSync.Tests.TestSupport;
using Microsoft.Data.Sqlite;

namespace CrmStateSync.Tests.Backfill;

/// <summary>
/// The go-live order (issue 13 item 7): <c>backfill</c> is the migration and comes before the first <c>sync</c>. Asked of a
/// store that already went live through sync, it refuses before reading or writing anything and says what to do; a store
/// moved aside gives a history that is the replay's alone.
/// </summary>
public class BackfillAfterSyncTests
{
    private TempFolder _folder = null!;
    private SandboxServer _sandbox = null!;
    private string _config = "";
    private string _database = "";

    [SetUp]
    public async Task StartSandbox()
    {
        _folder = new TempFolder();
        _database = Path.Combine(_folder.Path, "state.db");
        _sandbox = new SandboxServer(new SandboxOptions { SalesforceClientSecret = "s" });
        _sandbox.SeedSalesforce(SandboxSeed.Generate(new SeedOptions { Accounts = 20 }));
        await _sandbox.StartAsync();
        _config = _folder.Write("appsettings.json", JsonSerializer.Serialize(new
        {
            Worker = new { Provider = "salesforce", OrgId = "00Dsandbox", DatabasePath = _database },
            Crm = new { Salesforce = new { LoginUrl = _sandbox.Url.ToString(), ClientId = "sandbox-client", ClientSecret = "s" } },
        }));
    }

    [TearDown]
    public async Task StopSandbox()
    {
        await _sandbox.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    [TestCase("backfill")]
    [TestCase("backfill", "--dry-run")]
    public void Backfill_AfterASyncCycle_IsRefusedBeforeAnythingIsReadOrWritten(params string[] backfill)
    {
        var sync = CommandRun.Of("sync", "--once", "--config", _config);
        var before = StoreCounts();

        var refused = CommandRun.Of([.. backfill, "--config", _config]);

        Assert.Multiple(() =>
        {
            Assert.That(sync.ExitCode, Is.EqualTo(ExitCodes.Success), sync.Error);
            Assert.That(refused.ExitCode, Is.EqualTo(ExitCodes.ConfigurationError));
            Assert.That(refused.Error, Does.Contain("backfill refused").And.Contain("runs before the first sync")
                .And.Contain("1 sync cycle(s)").And.Contain(_database).And.Contain("move"));
            Assert.That(refused.Output, Does.Not.Contain("backfill:"), "no summary: nothing ran");
            Assert.That(StoreCounts(), Is.EqualTo(before), "no run row, transition or journal entry was added");
        });
    }

    [Test]
    public void Backfill_AfterADryRunSyncOnly_Runs()
    {
        // go-live.md's order: the dry run (step 5) records no run, so the backfill (step 6) goes ahead.
        var dry = CommandRun.Of("sync", "--once", "--dry-run", "--config", _config);
        var backfill = CommandRun.Of("backfill", "--config", _config);

        Assert.Multiple(() =>
        {
            Assert.That(dry.ExitCode, Is.EqualTo(ExitCodes.Success), dry.Error);
            Assert.That(backfill.ExitCode, Is.EqualTo(ExitCodes.Success), backfill.Error);
            Assert.That(backfill.Output, Does.Match(@"written [1-9]"));
        });
    }

    [Test]
    public void Backfill_StoreMovedAsideAfterSync_RecordsOnlyTheReplaysHistory_AsOneChainPerAccount()
    {
        Assume.That(CommandRun.Of("sync", "--once", "--config", _config).ExitCode, Is.EqualTo(ExitCodes.Success));
        SqliteConnection.ClearAllPools();
        File.Move(_database, _database + ".before-backfill");

        var backfill = CommandRun.Of("backfill", "--config", _config);
        var history = Transitions();

        Assert.Multiple(() =>
        {
            Assert.That(backfill.ExitCode, Is.EqualTo(ExitCodes.Success), backfill.Error);
            Assert.That(history.Select(t => t.Source).Distinct(), Is.EqualTo(new[] { "Backfill" }), "no transition of the earlier sync survives");
            // The CRM's stage replaced at go-live is a note beside the chain (rules.md §3), not a step of it.
            foreach (var account in history.Where(t => t.Reason != "replaced at go-live").GroupBy(t => t.Account))
            {
                var chain = account.ToList();
                for (var i = 1; i < chain.Count; i++)
                {
                    Assert.That(chain[i].From, Is.EqualTo(chain[i - 1].To), $"{account.Key}: each transition leaves the stage the one before entered");
                }
            }
        });
        if (backfill.Output.Contains("(replaced)", StringComparison.Ordinal))
        {
            Assert.That(backfill.Output, Does.Contain("the stage the CRM held at go-live"), "the (replaced) row is explained where it is printed");
        }
    }

    private (long Runs, long Transitions, long Batches) StoreCounts()
    {
        using var c = Open();
        return (Scalar(c, "SELECT count(*) FROM runs"), Scalar(c, "SELECT count(*) FROM transitions"), Scalar(c, "SELECT count(*) FROM write_batches"));
    }

    private List<(string Account, string? From, string? To, string Source, string Reason)> Transitions()
    {
        using var c = Open();
        using var command = c.CreateCommand();
        command.CommandText = "SELECT account_id, from_stage, to_stage, source, reason FROM transitions ORDER BY account_id, on_date, id";
        using var reader = command.ExecuteReader();
        var rows = new List<(string, string?, string?, string, string)>();
        while (reader.Read())
        {
            rows.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3), reader.GetString(4)));
        }

        return rows;
    }

    private SqliteConnection Open()
    {
        var c = new SqliteConnection($"Data Source={_database};Mode=ReadOnly;Pooling=False");
        c.Open();
        return c;
    }

    private static long Scalar(SqliteConnection c, string sql)
    {
        using var command = c.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
