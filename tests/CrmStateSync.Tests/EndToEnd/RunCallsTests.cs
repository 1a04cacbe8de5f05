using System.Text.Json;
using CrmStateSync.Store.ReadModel;
using Microsoft.Data.Sqlite;

namespace CrmStateSync.Tests.EndToEnd;

/// <summary>
/// Issue 15's run page needs two facts a real cycle must leave in the store: its API calls by kind (<c>runs.calls_json</c>,
/// from the connector's counter, as <c>runs.api_calls</c> is) and the run each write batch was journaled under
/// (<c>write_batches.run_id</c>), so a run's refused writes are found by id.
/// </summary>
public class RunCallsTests
{
    private const string Account = "Steady Inc";

    [Test]
    public async Task RunCycle_WithARefusedWrite_StoresCallsByKindAndTheBatchesRun()
    {
        await using var s = await SyncScenario.StartAsync([E2e.Healthy(), E2e.Healthy("Other Inc")]);
        s.Sandbox.Salesforce.FailWrites(s.IdOf(Account), "UNABLE_TO_LOCK_ROW", 1);
        s.Requests.Clear();

        var first = await s.CycleAsync();
        var writesSent = s.Requests.Writes;
        var second = await s.CycleAsync();

        var (runs, batches) = Read(s.DatabasePath);
        var firstCalls = JsonSerializer.Deserialize<Dictionary<string, long>>(runs[0].CallsJson!)!;
        var rejected = await new StoreReader(s.DatabasePath).RunRejectedWritesAsync(runs[0].Id, null, 100, CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(firstCalls.Values.Sum(), Is.EqualTo(first.Summary.ApiCalls), "the kinds add up to the run's calls");
            Assert.That(firstCalls["write"], Is.EqualTo(writesSent), "one composite write call per batch sent");
            Assert.That(firstCalls, Does.ContainKey("query"));
            Assert.That(runs[1].CallsJson, Is.Not.Null);
            Assert.That(JsonSerializer.Deserialize<Dictionary<string, long>>(runs[1].CallsJson!)!.Values.Sum(), Is.EqualTo(second.Summary.ApiCalls), "counted from the previous cycle's end");
            Assert.That(batches, Is.Not.Empty);
            Assert.That(batches.Select(b => b.RunId), Is.All.Not.Null, "every batch names its run");
            Assert.That(batches.Select(b => b.RunId), Is.SubsetOf(runs.Select(r => (long?)r.Id)));
            Assert.That(rejected.Items.Select(w => (w.AccountId, w.ErrorCode)), Is.EqualTo(new[] { (s.IdOf(Account), (string?)"UNABLE_TO_LOCK_ROW") }));
        });
    }

    private static (List<(long Id, string? CallsJson)> Runs, List<(long Id, long? RunId)> Batches) Read(string path)
    {
        using var c = new SqliteConnection($"Data Source={path};Pooling=False");
        c.Open();
        var runs = new List<(long, string?)>();
        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = "SELECT id, calls_json FROM runs ORDER BY id";
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                runs.Add((r.GetInt64(0), r.IsDBNull(1) ? null : r.GetString(1)));
            }
        }

        var batches = new List<(long, long?)>();
        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = "SELECT id, run_id FROM write_batches ORDER BY id";
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                batches.Add((r.GetInt64(0), r.IsDBNull(1) ? null : r.GetInt64(1)));
            }
        }

        return (runs, batches);
    }
}
