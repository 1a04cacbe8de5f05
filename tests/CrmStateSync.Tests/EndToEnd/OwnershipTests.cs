using CrmStateSync.Crm.Contract;
using CrmStateSync.Rules.Model;
using CrmStateSync.Store;
using CrmStateSync.Sync.Diff;
using CrmStateSync.Sync.Engine;
using CrmStateSync.Sync.Ownership;

namespace CrmStateSync.Tests.EndToEnd;

/// <summary>
/// sync.md step 4: "A managed field whose CRM value differs from what the worker last wrote was edited by a human …
/// The field's ownership policy decides: EngineWins (write the computed value back, log the conflict as reverted),
/// CrmWins (keep the human value, log it as accepted, stop overriding it until the inputs change), Review (leave it,
/// log it open for an admin)." One human edit per field group: a state, an entry date, a milestone date, the divergence.
/// </summary>
public class OwnershipTests
{
    private const string Account = "Cracked Ltd";
    private static readonly string StateField = ManagedField.State(CsState.GoalClarity);
    private static readonly string EntryDateField = ManagedField.StageEntryDate("Onboarding");
    private static readonly string MilestoneField = ManagedField.Milestone("first_user_active");
    private static readonly DateOnly HumanDate = E2e.DaysAgo(100);

    private static readonly (string Key, object? Human, object? Engine)[] Edits =
    [
        (StateField, "Slipping", "Hit"),
        (EntryDateField, HumanDate, E2e.DaysAgo(295)),
        (MilestoneField, HumanDate, E2e.AsOf),
        (ManagedField.Divergence, "Looks fine to me", "Hidden risk: Daily-Work Integration Slipping"),
    ];

    private static readonly string[] EditedFields = [.. Edits.Select(e => e.Key).Order(StringComparer.Ordinal)];

    [Test]
    public async Task RunCycle_HumanEditsUnderEngineWins_AreRevertedAndLoggedReverted()
    {
        await using var s = await EditedAsync(OwnershipPolicy.EngineWins);
        s.Requests.Clear();

        await s.CycleAsync();

        var conflicts = await ConflictsAsync(s);
        Assert.Multiple(() =>
        {
            Assert.That(conflicts.Select(c => c.Field).Order(StringComparer.Ordinal), Is.EqualTo(EditedFields));
            Assert.That(conflicts.Select(c => c.Action), Is.All.EqualTo(ConflictAction.Reverted));
            Assert.That(conflicts.Single(c => c.Field == StateField).CrmValue, Is.EqualTo("Slipping"));
            Assert.That(conflicts.Single(c => c.Field == StateField).EngineValue, Is.EqualTo("Hit"));
            Assert.That(s.Requests.Writes, Is.EqualTo(1));
            foreach (var (key, _, engine) in Edits)
            {
                Assert.That(s.Value(Account, key), Is.EqualTo(engine), $"{key} written back");
            }
        });
    }

    [Test]
    public async Task RunCycle_HumanEditsUnderCrmWins_AreKeptLoggedAcceptedOnce()
    {
        await using var s = await EditedAsync(OwnershipPolicy.CrmWins);
        s.Requests.Clear();

        await s.CycleAsync();
        var afterSecond = await ConflictsAsync(s);
        await s.CycleAsync();

        var afterThird = await ConflictsAsync(s);
        Assert.Multiple(() =>
        {
            Assert.That(afterSecond.Select(c => c.Field).Order(StringComparer.Ordinal), Is.EqualTo(EditedFields));
            Assert.That(afterSecond.Select(c => c.Action), Is.All.EqualTo(ConflictAction.Accepted));
            Assert.That(afterThird, Has.Count.EqualTo(afterSecond.Count), "an accepted edit is not logged again");
            Assert.That(s.Requests.Writes, Is.Zero, "the human values stay");
            foreach (var (key, human, _) in Edits)
            {
                Assert.That(s.Value(Account, key), Is.EqualTo(human), $"{key} kept");
            }
        });
    }

    [Test]
    public async Task RunCycle_HumanEditsUnderReview_AreLeftLoggedOpenOnce()
    {
        await using var s = await EditedAsync(OwnershipPolicy.Review);
        s.Requests.Clear();

        await s.CycleAsync();
        var afterSecond = await ConflictsAsync(s);
        await s.CycleAsync();

        var afterThird = await ConflictsAsync(s);
        Assert.Multiple(() =>
        {
            Assert.That(afterSecond.Select(c => c.Field).Order(StringComparer.Ordinal), Is.EqualTo(EditedFields));
            Assert.That(afterSecond.Select(c => c.IsOpen), Is.All.True);
            Assert.That(afterThird, Has.Count.EqualTo(afterSecond.Count), "an open conflict is not logged again");
            Assert.That(s.Requests.Writes, Is.Zero, "left for an admin");
            foreach (var (key, human, _) in Edits)
            {
                Assert.That(s.Value(Account, key), Is.EqualTo(human), $"{key} left");
            }
        });
    }

    [Test]
    public async Task RunCycle_CrmWinsAcceptedEditThenInputsChange_WritesTheNewComputedValue()
    {
        var dailyWork = ManagedField.State(CsState.DailyWorkIntegration);
        var ownership = new OwnershipOptions { States = OwnershipPolicy.CrmWins };
        await using var s = await SyncScenario.StartAsync([E2e.Healthy()], new SyncOptions { Ownership = ownership });
        await s.CycleAsync();
        s.HumanEdit("Steady Inc", (dailyWork, "Reset"));
        await s.CycleAsync();
        Assert.That(s.Value("Steady Inc", dailyWork), Is.EqualTo("Reset"), "accepted");

        s.HumanEdit("Steady Inc", ("integrationStatus", "Broken"), ("integrationChangedOn", E2e.AsOf));
        await s.CycleAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(s.Value("Steady Inc", dailyWork), Is.EqualTo("Slipping"), "the inputs changed: the human value is no longer honoured");
            Assert.That((await ConflictsAsync(s)).Select(c => (c.Field, c.Action)), Is.EqualTo(new[] { (dailyWork, ConflictAction.Accepted) }));
        }
    }

    [Test]
    public async Task RunCycle_HumanEditOfAFieldTheCrmAlreadyHeld_IsSettledByItsPolicy()
    {
        // The divergence of a healthy account is empty and the CRM's was empty too: the first cycle did not send it.
        var ownership = new OwnershipOptions { Divergence = OwnershipPolicy.Review };
        await using var s = await SyncScenario.StartAsync([E2e.Healthy()], new SyncOptions { Ownership = ownership });
        await s.CycleAsync();
        s.HumanEdit("Steady Inc", (ManagedField.Divergence, "Looks fine to me"));

        await s.CycleAsync();

        var conflicts = await ConflictsAsync(s);
        Assert.Multiple(() =>
        {
            Assert.That(s.Value("Steady Inc", ManagedField.Divergence), Is.EqualTo("Looks fine to me"), "left for an admin");
            Assert.That(conflicts.Select(c => (c.Field, c.CrmValue, c.IsOpen)), Is.EqualTo(new[] { (ManagedField.Divergence, (string?)"Looks fine to me", true) }));
        });
    }

    /// <summary>A first sync under <paramref name="policy"/> for every group, then a human edit of each group.</summary>
    private static async Task<SyncScenario> EditedAsync(OwnershipPolicy policy)
    {
        var ownership = new OwnershipOptions { EntryDates = policy, States = policy, Milestones = policy, Divergence = policy };
        var s = await SyncScenario.StartAsync([E2e.BrokenIntegration()], new SyncOptions { Ownership = ownership });
        await s.CycleAsync();
        Assert.That(await ConflictsAsync(s), Is.Empty, "go-live logs no conflict");
        s.HumanEdit(Account, [.. Edits.Select(e => (e.Key, e.Human))]);
        return s;
    }

    private static Task<IReadOnlyList<ConflictEntry>> ConflictsAsync(SyncScenario s) => s.Store.ListConflictsAsync(null, CancellationToken.None);
}
