using CrmStateSync.Crm.Contract;
using CrmStateSync.Rules.Model;
using CrmStateSync.Store.Internal;

namespace CrmStateSync.Store.Tests;

/// <summary>A confirmed write brings the cached CRM values up to date at once (no false human edit if the echo is late).</summary>
public class CachedCrmPatchTests : StoreTestBase
{
    private static readonly ManagedValues Before = new()
    {
        Stage = "Onboarding",
        StageEntryDates = new Dictionary<string, DateOnly> { ["Onboarding"] = Some.Day("2026-01-10"), ["New Customer"] = Some.Day("2026-01-01") },
        States = StateSet.Empty.With(CsState.GoalClarity, new StateReading(StateValue.Slipping, Some.Day("2026-01-05"))),
        Milestones = new Dictionary<string, DateOnly> { ["first_project"] = Some.Day("2026-01-20") },
        MilestoneStalled = true,
        MilestoneStalledSince = Some.Day("2026-02-01"),
    };

    [Test]
    public void Apply_WrittenTexts_ReplaceTheTypedValuesTheyName()
    {
        var written = new Dictionary<string, string?>
        {
            [ManagedField.StateVerified(CsState.ConfiguredForGoals)] = "2026-03-02", // before its value: order must not matter
            [ManagedField.Stage] = "Adopting",
            [ManagedField.StageEntryDate("Adopting")] = "2026-03-02",
            [ManagedField.State(CsState.GoalClarity)] = "Hit",
            [ManagedField.State(CsState.ConfiguredForGoals)] = "Hit",
            [ManagedField.Milestone("first_project")] = null,
            [ManagedField.MilestoneStalled] = "false",
            [ManagedField.MilestoneStalledSince] = null,
            [ManagedField.StageReason] = "Entered Adopting: …",
        };

        var after = CachedCrmPatch.Apply(Before, written);

        Assert.Multiple(() =>
        {
            Assert.That(after.Stage, Is.EqualTo("Adopting"));
            Assert.That(after.StageEntryDates, Is.EquivalentTo(new Dictionary<string, DateOnly>
            {
                ["Adopting"] = Some.Day("2026-03-02"), ["New Customer"] = Some.Day("2026-01-01"), ["Onboarding"] = Some.Day("2026-01-10"),
            }));
            Assert.That(after.States.Get(CsState.GoalClarity), Is.EqualTo(new StateReading(StateValue.Hit, Some.Day("2026-01-05"))), "the verified date was not written: kept");
            Assert.That(after.States.Get(CsState.ConfiguredForGoals), Is.EqualTo(new StateReading(StateValue.Hit, Some.Day("2026-03-02"))));
            Assert.That(after.Milestones, Is.Empty, "a cleared milestone date is removed");
            Assert.That((after.MilestoneStalled, after.MilestoneStalledSince), Is.EqualTo((false, (DateOnly?)null)));
        });
    }

    [Test]
    public async Task CompleteBatch_Confirmed_CacheShowsTheWrittenValues_AndTheEchoIsNotAChange()
    {
        var store = await OpenAsync();
        await store.UpsertAccountAsync(Some.Account("001", managed: Before) with { ManagedText = Texts("Onboarding") }, Some.At(0), Ct);
        await store.ClearDirtyAsync(["001"], Ct);
        var writes = new Dictionary<string, object?> { [ManagedField.Stage] = "Adopting", [ManagedField.StageEntryDate("Adopting")] = Some.Day("2026-03-02") };
        var batch = await store.BeginBatchAsync([new JournalWrite(new AccountWrite("001", writes), null)], Ct);

        await store.CompleteBatchAsync(batch, [WriteResult.Ok("001")], Ct);
        var snapshot = await store.LoadSnapshotAsync("001", Ct);
        var echo = CachedCrmPatch.Apply(Before, new Dictionary<string, string?> { ["stage"] = "Adopting", ["stageEntryDate:Adopting"] = "2026-03-02" });
        var echoChanged = await store.UpsertAccountAsync(Some.Account("001", managed: echo) with { ManagedText = Texts("Adopting", "2026-03-02") }, Some.At(10), Ct);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(snapshot!.Managed.Stage, Is.EqualTo("Adopting"));
            Assert.That(snapshot.Managed.StageEntryDates["Adopting"], Is.EqualTo(Some.Day("2026-03-02")));
            Assert.That((await store.LoadCrmTextAsync("001", Ct))["stage"], Is.EqualTo("Adopting"));
            Assert.That(echoChanged, Is.False, "the echo only moves the stamp");
            Assert.That(await store.DirtyAccountsAsync(Ct), Is.Empty);
        }
    }

    [Test]
    public async Task UpsertAccount_NewerCopyWithAHumanEdit_IsAChange()
    {
        var store = await OpenAsync();
        await store.UpsertAccountAsync(Some.Account("001", managed: Before) with { ManagedText = Texts("Onboarding") }, Some.At(0), Ct);
        await store.ClearDirtyAsync(["001"], Ct);

        var changed = await store.UpsertAccountAsync(Some.Account("001", managed: Before with { Stage = "Healthy" }) with { ManagedText = Texts("Healthy") }, Some.At(10), Ct);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(changed, Is.True);
            Assert.That(await store.DirtyAccountsAsync(Ct), Is.EqualTo(new[] { "001" }));
        }
    }

    private static Dictionary<string, string?> Texts(string stage, string? adoptingEntry = null) =>
        new() { ["stage"] = stage, ["stageEntryDate:Adopting"] = adoptingEntry };
}
