using CrmStateSync.Sandbox.Data;

namespace CrmStateSync.Tests.EndToEnd;

/// <summary>
/// sync.md step 1: "Deleted and merged records are noticed and removed from the cache." and "Bad input gets a clear
/// answer, and nothing is lost": a usage row for an unknown account is kept aside.
/// </summary>
public class CacheTests
{
    [Test]
    public async Task RunCycle_AccountDeletedInCrm_DisappearsFromTheCache()
    {
        await using var s = await SyncScenario.StartAsync([E2e.NewCustomer(), E2e.Healthy()]);
        await s.CycleAsync();
        var deleted = s.IdOf("Fresh Co");
        s.Delete("Account", deleted);

        var cycle = await s.CycleAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await s.Store.LoadSnapshotAsync(deleted, CancellationToken.None), Is.Null);
            Assert.That(await s.Store.LoadSnapshotAsync(s.IdOf("Steady Inc"), CancellationToken.None), Is.Not.Null);
            Assert.That(cycle.Accounts.Select(a => a.AccountId), Does.Not.Contain(deleted));
            Assert.That(s.Requests.All, Has.Some.Contains("/queryAll"), "deletions are read through queryAll");
        }
    }

    [Test]
    public async Task RunCycle_UsageRowForUnknownAccount_IsKeptAside()
    {
        await using var s = await SyncScenario.StartAsync([E2e.Healthy()]);
        var fields = s.Sandbox.Salesforce.Mapping.Usage;
        s.Table("Usage").Put(new SandboxRecord("a0USBX000000099999", SandboxRecord.Stamp(s.Sandbox.Options.Clock.GetUtcNow()), E2e.HumanUser, false, new Dictionary<string, object?>
        {
            [fields["accountId"]] = "001SBX000000099999",
            [fields["date"]] = E2e.DaysAgo(1),
            [fields["activeUsers"]] = 4d,
            [fields["valueActions"]] = 2d,
            [fields["coreEvents"]] = 1d,
        }));

        var cycle = await s.CycleAsync();

        var orphans = await s.Store.OrphanUsageAsync(CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(cycle.Summary.Outcome, Is.Not.EqualTo("failed"), "the cycle goes on");
            Assert.That(orphans.Select(o => (o.Id, o.AccountId)), Is.EqualTo(new[] { ("a0USBX000000099999", "001SBX000000099999") }));
            Assert.That(orphans.Single().Usage.ActiveUsers, Is.EqualTo(4));
            Assert.That(orphans.Single().Usage.Date, Is.EqualTo(E2e.DaysAgo(1)));
        });
    }
}
