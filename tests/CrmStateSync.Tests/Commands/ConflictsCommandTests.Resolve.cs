using CrmStateSync.Store;
using CrmStateSync.Tests.TestSupport;

namespace CrmStateSync.Tests.Commands;

/// <summary><c>conflicts show</c> and <c>conflicts resolve</c>.</summary>
public partial class ConflictsCommandTests
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(CommandRun.DefaultClock.GetUtcNow().UtcDateTime);

    private async Task<ConflictEntry> StoredAsync(long id)
    {
        await using var store = await SqliteSyncStore.OpenAsync(_database, OrgId, "salesforce");
        return (await store.GetConflictAsync(id, default))!;
    }

    [Test]
    public void Show_KnownId_PrintsEveryField()
    {
        var run = Conflicts("show", "2");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.Error);
            Assert.That(run.Output, Does.Contain("Conflict 2").And.Contain("2026-11-10").And.Contain("001B").And.Contain("stage"));
            Assert.That(run.Output, Does.Contain("Onboarding").And.Contain("Adoption").And.Contain("Reverted").And.Contain("Reverted rule"));
            Assert.That(run.Output, Does.Match(@"resolved\s+n/a \(settled by the worker\)"), "a Reverted conflict is not waiting for an admin");
        });
    }

    [Test]
    public void Show_UnknownId_SaysNotFoundWithConflictNotOpen()
    {
        var run = Conflicts("show", "99");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.ConflictNotOpen));
            Assert.That(run.Error, Does.Contain("No conflict with id 99"));
        });
    }

    [TestCase("crm", ConflictKeep.Crm, "kept the CRM value 'Churned'", TestName = "Resolve_KeepCrm_RecordsTodayAndSaysTheHumanValueStays")]
    [TestCase("engine", ConflictKeep.Engine, "kept the engine value 'Active'", TestName = "Resolve_KeepEngine_RecordsTodayAndSaysWhatItMeans")]
    public async Task Resolve_Keep(string keep, ConflictKeep expected, string printed)
    {
        var run = Conflicts("resolve", "1", "--keep", keep);
        var stored = await StoredAsync(1);
        var open = Conflicts("list", "--open", "--format", "json");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.Error);
            Assert.That(run.Output, Does.Contain($"Conflict 1 resolved on 2026-11-23: {printed}"));
            Assert.That(run.Output, Does.Contain($"--keep {keep}:").And.Contain(keep == "crm" ? "leaves this field alone" : "writes its computed value"));
            Assert.That((stored.ResolvedKeep, stored.ResolvedOn), Is.EqualTo(((ConflictKeep?)expected, (DateOnly?)Today)));
            Assert.That(Ids(open), Is.EqualTo(new long[] { 3 }));
        });
    }

    [Test]
    public async Task Resolve_Twice_ExplainsAndKeepsTheFirstDecision()
    {
        var first = Conflicts("resolve", "3", "--keep", "crm");
        var second = Conflicts("resolve", "3", "--keep", "engine");
        var stored = await StoredAsync(3);

        Assert.Multiple(() =>
        {
            Assert.That(first.ExitCode, Is.EqualTo(ExitCodes.Success), first.Error);
            Assert.That(second.ExitCode, Is.EqualTo(ExitCodes.ConflictNotOpen));
            Assert.That(second.Error, Does.Contain("already resolved on 2026-11-23 (kept crm)"));
            Assert.That(stored.ResolvedKeep, Is.EqualTo(ConflictKeep.Crm));
        });
    }

    [Test]
    public async Task Resolve_ConflictTheWorkerSettled_ExplainsAndChangesNothing()
    {
        var run = Conflicts("resolve", "2", "--keep", "crm");
        var stored = await StoredAsync(2);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.ConflictNotOpen));
            Assert.That(run.Error, Does.Contain("Conflict 2 is not open").And.Contain("wrote the computed value back"));
            Assert.That(stored.ResolvedOn, Is.Null);
        });
    }
}
