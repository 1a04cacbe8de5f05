using CrmStateSync.Crm.Contract;
using CrmStateSync.Rules.Model;
using CrmStateSync.Rules.Stages;
using CrmStateSync.Sync.Diff;
using CrmStateSync.Sync.Ownership;

namespace CrmStateSync.Sync.Tests.Diff;

/// <summary>sync.md steps 3 and 4: diff against the CRM and the last write; ownership policies per field group.</summary>
public class AccountDifferTests
{
    private const string Account = "001A";
    private static readonly string GoalClarity = ManagedField.State(CsState.GoalClarity);
    private static readonly string AdoptingEntry = ManagedField.StageEntryDate("Adopting");
    private static readonly Dictionary<string, PriorConflict> NoConflicts = [];

    private static Dictionary<string, object?> Desired(params (string Key, object? Value)[] values) => values.ToDictionary(v => v.Key, v => v.Value);

    private static Dictionary<string, string?> Texts(params (string Key, string? Value)[] values) => values.ToDictionary(v => v.Key, v => v.Value);

    private static AccountPlan Diff(Dictionary<string, object?> desired, Dictionary<string, string?> crm, Dictionary<string, string?>? lastWritten = null,
        OwnershipPolicy states = OwnershipPolicy.EngineWins, Dictionary<string, PriorConflict>? prior = null, ManualMove? move = null) =>
        new AccountDiffer(new OwnershipOptions { States = states }).Diff(Account, desired, crm, lastWritten ?? [], prior ?? NoConflicts, move);

    [Test(Description = "sync.md 3: only fields whose value differs are written")]
    public void Diff_ValuesEqualToTheCrm_WritesNothing()
    {
        var plan = Diff(Desired((GoalClarity, StateValue.Hit), (AdoptingEntry, new DateOnly(2026, 3, 2))),
            Texts((GoalClarity, "Hit"), (AdoptingEntry, "2026-03-02")));

        Assert.That(plan.IsEmpty, Is.True);
    }

    [Test(Description = "sync.md 3: a first write (nothing written before) is not a conflict")]
    public void Diff_NeverWritten_WritesTheDifferencesWithoutConflicts()
    {
        var plan = Diff(Desired((GoalClarity, StateValue.Slipping), (AdoptingEntry, new DateOnly(2026, 3, 2))),
            Texts((GoalClarity, "Hit"), (AdoptingEntry, null)));

        Assert.Multiple(() =>
        {
            Assert.That(plan.Writes.Select(w => (w.Field, w.Text)), Is.EquivalentTo(new[] { (GoalClarity, "Slipping"), (AdoptingEntry, "2026-03-02") }));
            Assert.That(plan.Conflicts, Is.Empty);
        });
    }

    [Test(Description = "sync.md lessons: the worker's own echo (CRM = last written) is not a human edit")]
    public void Diff_CrmHoldsWhatTheWorkerWrote_WritesTheNewValueWithoutConflict()
    {
        var plan = Diff(Desired((GoalClarity, StateValue.Reset)), Texts((GoalClarity, "Hit")), Texts((GoalClarity, "Hit")));

        Assert.Multiple(() =>
        {
            Assert.That(plan.Writes.Single().Text, Is.EqualTo("Reset"));
            Assert.That(plan.Conflicts, Is.Empty);
        });
    }

    [Test(Description = "sync.md 4 EngineWins: write the computed value back, log the conflict as reverted")]
    public void Diff_HumanEditUnderEngineWins_RevertsAndLogs()
    {
        var plan = Diff(Desired((GoalClarity, StateValue.Hit)), Texts((GoalClarity, "Reset")), Texts((GoalClarity, "Hit")));

        Assert.Multiple(() =>
        {
            Assert.That(plan.Writes.Single().Text, Is.EqualTo("Hit"));
            Assert.That(plan.Conflicts.Single(), Is.EqualTo(new ConflictRecord(Account, GoalClarity, "Reset", "Hit", "Hit", ConflictAction.Reverted, "EngineWins: human edit reverted")));
        });
    }

    [Test(Description = "sync.md Checkpoint: a human edit whose revert never reached the CRM is resent, not logged a second time")]
    public void Diff_SameEditAfterAnUnconfirmedRevert_ResendsWithoutANewConflict()
    {
        var prior = new Dictionary<string, PriorConflict> { [GoalClarity] = new("Reset", "Hit", ConflictAction.Reverted, RevertUnconfirmed: true) };
        var confirmed = new Dictionary<string, PriorConflict> { [GoalClarity] = new("Reset", "Hit", ConflictAction.Reverted) };

        var resend = Diff(Desired((GoalClarity, StateValue.Hit)), Texts((GoalClarity, "Reset")), Texts((GoalClarity, "Hit")), prior: prior);
        var newEdit = Diff(Desired((GoalClarity, StateValue.Hit)), Texts((GoalClarity, "Reset")), Texts((GoalClarity, "Hit")), prior: confirmed);

        Assert.Multiple(() =>
        {
            Assert.That(resend.Writes.Single().Text, Is.EqualTo("Hit"));
            Assert.That(resend.Conflicts, Is.Empty);
            Assert.That(newEdit.Conflicts, Has.Count.EqualTo(1), "after a confirmed revert, the same value typed again is a new human edit");
        });
    }

    [Test(Description = "sync.md 4 CrmWins: keep the human value, log it as accepted, stop overriding it until the inputs change")]
    public void Diff_HumanEditUnderCrmWins_KeepsItThenResumesWhenTheInputsChange()
    {
        var first = Diff(Desired((GoalClarity, StateValue.Hit)), Texts((GoalClarity, "Slipping")), Texts((GoalClarity, "Hit")), OwnershipPolicy.CrmWins);
        var accepted = new Dictionary<string, PriorConflict> { [GoalClarity] = new("Slipping", "Hit", ConflictAction.Accepted) };
        var unchanged = Diff(Desired((GoalClarity, StateValue.Hit)), Texts((GoalClarity, "Slipping")), Texts((GoalClarity, "Hit")), OwnershipPolicy.CrmWins, accepted);
        var inputsChanged = Diff(Desired((GoalClarity, StateValue.Reset)), Texts((GoalClarity, "Slipping")), Texts((GoalClarity, "Hit")), OwnershipPolicy.CrmWins, accepted);

        Assert.Multiple(() =>
        {
            Assert.That(first.Writes, Is.Empty);
            Assert.That(first.Conflicts.Single().Action, Is.EqualTo(ConflictAction.Accepted));
            Assert.That(unchanged.IsEmpty, Is.True, "accepted once, not re-logged or overridden");
            Assert.That(inputsChanged.Writes.Single().Text, Is.EqualTo("Reset"));
        });
    }

    [Test(Description = "sync.md 4 Review: leave it, log the conflict open for an admin (once)")]
    public void Diff_HumanEditUnderReview_LogsOneOpenConflictAndWritesNothing()
    {
        var first = Diff(Desired((GoalClarity, StateValue.Hit)), Texts((GoalClarity, "Reset")), Texts((GoalClarity, "Hit")), OwnershipPolicy.Review);
        var open = new Dictionary<string, PriorConflict> { [GoalClarity] = new("Reset", "Hit", ConflictAction.Open) };
        var again = Diff(Desired((GoalClarity, StateValue.Hit)), Texts((GoalClarity, "Reset")), Texts((GoalClarity, "Hit")), OwnershipPolicy.Review, open);

        Assert.Multiple(() =>
        {
            Assert.That(first.Writes, Is.Empty);
            Assert.That(first.Conflicts.Single().Action, Is.EqualTo(ConflictAction.Open));
            Assert.That(again.IsEmpty, Is.True);
        });
    }

    [Test(Description = "rules.md §3 manual moves: a rejected move is put back and logged with the rule it broke")]
    public void Diff_RejectedManualMove_WritesTheStageBackAndLogsTheRule()
    {
        var move = new ManualMove("Healthy", "Onboarding", false, ManualMoveRule.BackwardMove, "backward move Healthy → Onboarding");

        var plan = Diff(Desired((ManagedField.Stage, "Healthy")), Texts((ManagedField.Stage, "Onboarding")), Texts((ManagedField.Stage, "Healthy")), move: move);

        Assert.Multiple(() =>
        {
            Assert.That(plan.Writes.Single().Text, Is.EqualTo("Healthy"));
            Assert.That(plan.Conflicts.Single().Action, Is.EqualTo(ConflictAction.Reverted));
            Assert.That(plan.Conflicts.Single().Rule, Does.StartWith("BackwardMove"));
        });
    }

    [Test(Description = "rules.md §3 manual moves: an accepted move writes nothing over it and is logged as accepted")]
    public void Diff_AcceptedManualMove_WritesNoStageAndLogsAccepted()
    {
        var move = new ManualMove("Onboarding", "Adopting", true, ManualMoveRule.ForwardMove, "forward move");

        var plan = Diff(Desired((ManagedField.Stage, "Adopting")), Texts((ManagedField.Stage, "Adopting")), Texts((ManagedField.Stage, "Onboarding")), move: move);

        Assert.Multiple(() =>
        {
            Assert.That(plan.Writes, Is.Empty);
            Assert.That(plan.Conflicts.Single().Action, Is.EqualTo(ConflictAction.Accepted));
        });
    }

    [Test(Description = "rules.md §3 manual moves and crm-schema.md stage reason: an accepted move writes its reason, not the stage")]
    public void Diff_AcceptedManualMove_WritesTheReasonOnly()
    {
        var move = new ManualMove("Onboarding", "Adopting", true, ManualMoveRule.ForwardMove, "forward move");

        var plan = Diff(Desired((ManagedField.Stage, "Adopting"), (ManagedField.StageReason, "Adopting since 2026-06-01: moved by hand from Onboarding")),
            Texts((ManagedField.Stage, "Adopting"), (ManagedField.StageReason, "Onboarding since 2026-03-02: kickoff 2026-03-02")),
            Texts((ManagedField.Stage, "Onboarding")), move: move);

        Assert.That(plan.Writes.Select(w => (w.Field, w.Text)),
            Is.EqualTo(new[] { (ManagedField.StageReason, (string?)"Adopting since 2026-06-01: moved by hand from Onboarding") }));
    }

    [Test(Description = "sync.md lessons: skip no-op writes; the reason restating daily figures is written only with a stage change")]
    public void Diff_OnlyTheReasonTextChanged_WritesNothing()
    {
        var plan = Diff(Desired((ManagedField.Stage, "Adopting"), (ManagedField.StageReason, "Adopting since 2026-03-02: 15 value actions")),
            Texts((ManagedField.Stage, "Adopting"), (ManagedField.StageReason, "Adopting since 2026-03-02: 14 value actions")));

        Assert.That(plan.IsEmpty, Is.True);
    }

    [Test]
    public void Diff_StageChanges_WritesTheReasonWithIt()
    {
        var plan = Diff(Desired((ManagedField.Stage, "Healthy"), (ManagedField.StageReason, "Healthy since 2026-11-23: …")),
            Texts((ManagedField.Stage, "Adopting"), (ManagedField.StageReason, "Adopting since 2026-03-02: 14 value actions")));

        Assert.That(plan.Writes.Select(w => w.Field), Is.EquivalentTo(new[] { ManagedField.Stage, ManagedField.StageReason }));
    }

    [Test]
    public void Diff_ReasonEmptyInTheCrm_IsFilledIn()
    {
        var plan = Diff(Desired((ManagedField.Stage, "Adopting"), (ManagedField.StageReason, "Adopting since …")),
            Texts((ManagedField.Stage, "Adopting"), (ManagedField.StageReason, null)));

        Assert.That(plan.Writes.Single().Field, Is.EqualTo(ManagedField.StageReason));
    }

    [Test(Description = "crm-schema.md: the worker clears the override reason after applying an override")]
    public void Diff_OverrideApplied_ClearsTheOverrideReason()
    {
        var plan = Diff(Desired((ManagedField.OverrideReason, null)), Texts((ManagedField.OverrideReason, "CFO approved")));

        Assert.That(plan.Writes.Single(), Is.EqualTo(new FieldChange(ManagedField.OverrideReason, "CFO approved", null, null)));
    }

    [Test(Description = "Only mapped fields are written: a key the CRM does not hold is skipped")]
    public void Diff_UnmappedField_IsSkipped()
    {
        var plan = Diff(Desired((ManagedField.TimeToValueDays, 30)), Texts());

        Assert.That(plan.IsEmpty, Is.True);
    }
}
