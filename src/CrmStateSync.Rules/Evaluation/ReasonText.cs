using CrmStateSync.Rules.Signals;

namespace CrmStateSync.Rules.Evaluation;

/// <summary>Renders a <see cref="Reason"/> as a sentence.</summary>
internal static class ReasonText
{
    public static string Render(Reason r)
    {
        var text = r.Code switch
        {
            ReasonCode.GcLeadershipChange => $"leadership change on {r.Date.Iso()} after the last goal review resets goal clarity until a new review",
            ReasonCode.GcNeverEstablished => "never established: " + Missing(r.A),
            ReasonCode.GcOwnerDeparted => $"goal owner departed on {r.Date.Iso()}",
            ReasonCode.GcReviewStale => $"last goal review {r.Date.Iso()} is {r.A} days old (> {r.B})",
            ReasonCode.GcHit => $"goal owner and primary goal set, reviewed {r.Date.Iso()} ({r.A} days ago, ≤ {r.B})",
            ReasonCode.GcGrace => $"last goal review {r.Date.Iso()} is {r.A} days old (> {r.B}) but the slip has not fired",
            ReasonCode.CfgGoalClarityReset => "Goal Clarity is Reset, so the configuration is reset with it",
            ReasonCode.CfgNeverVerified => "configuration never verified",
            ReasonCode.CfgWorkflowGap => $"workflow gap reported {r.Date.Iso()} after the last verification {r.Date2.Iso()}",
            ReasonCode.CfgGapAndStale => $"workflow gap reported {r.Date.Iso()} and configuration verified {r.Date2.Iso()} before the goal change of {r.Text}",
            ReasonCode.CfgStale => $"configuration verified {r.Date2.Iso()} before the goal change of {r.Date.Iso()}",
            ReasonCode.CfgHit => $"workflows live, verified {r.Date.Iso()}, {r.A} value actions in the last 14 days",
            ReasonCode.CfgGrace => r.B == 0 ? $"workflows not live (verified {r.Date.Iso()})" : "no value actions in the last 14 days",
            ReasonCode.VaaHit => $"{r.A} value actions in the last 14 days ≥ {r.B}",
            ReasonCode.VaaSlipping => $"{r.A} value actions in the last 14 days and {r.C} in the previous 14, both below {r.B}",
            ReasonCode.VaaGrace => $"{r.A} value actions in the last 14 days is below {r.B}, but the previous 14 days had {r.C}",
            ReasonCode.MseDeparture => $"{r.Text} departed on {r.Date.Iso()} and has not been replaced by an engaged contact",
            ReasonCode.MseNeverEstablished => "no contact ever active and no exec sponsor ever engaged",
            ReasonCode.MseSlipping => r.B < 0
                ? $"{r.A} active contacts in the last 30 days; no exec sponsor engaged"
                : $"{r.A} active contacts in the last 30 days; exec sponsor engaged {r.B} days ago (limit {r.C})",
            ReasonCode.MseHit => $"{r.A} active contacts from {r.B} functions in the last 30 days; exec sponsor engaged {r.C} days ago",
            ReasonCode.MseGrace => $"{r.A} active contacts but from {r.B} functions (need {r.C})",
            ReasonCode.OaNeverNew => $"no outcome attributed yet; a customer for {r.A} days (≤ {r.B}: two {r.B / 2}-day cycles)",
            ReasonCode.OaNeverLong => $"no outcome ever attributed in {r.A} days as a customer (> {r.B}: two {r.B / 2}-day cycles)",
            ReasonCode.OaHit => $"outcome attributed {r.Date.Iso()} ({r.A} days ago, within the {r.B}-day cycle)",
            ReasonCode.OaGoalChange => $"goal changed {r.Date.Iso()} with no outcome after it (last {r.Date2.Iso()})",
            ReasonCode.OaTwoCycles => $"last outcome {r.Date.Iso()} is {r.A} days old: two cycles without attribution (> {r.B}: two {r.B / 2}-day cycles)",
            ReasonCode.OaDecayed => $"last outcome {r.Date.Iso()} is {r.A} days old: older than one {r.B}-day cycle, must be re-earned",
            ReasonCode.DwiRemoved => $"integration removed {r.Date.Iso()}",
            ReasonCode.DwiBroken => $"integration broken {r.Date.Iso()}",
            ReasonCode.DwiNeverIntegrated => "never integrated",
            ReasonCode.DwiNewHireDropped => "integration live but new-hire onboarding no longer includes the product",
            ReasonCode.DwiHit => $"integration live since {r.Date.Iso()} and in new-hire onboarding",
            ReasonCode.DwiGrace => "integration live; new-hire onboarding unknown",
            ReasonCode.MilestonesNone => r.Text ?? "no milestones configured for the segment",
            ReasonCode.MilestonesProgress => $"{r.A} of {r.B} milestones complete; next: {r.Text} (target {r.C} days from {r.Date.Iso()})",
            ReasonCode.MilestonesAllComplete => $"all {r.B} milestones complete",
            ReasonCode.MilestonesChurned => $"churned on {r.Date.Iso()}: no milestone completes on or after the churn date ({r.A} of {r.B} complete; next would be {r.Text})",
            ReasonCode.MilestoneStalled => $"{r.Text} stalled since {r.Date2.Iso()}: {r.C} target days from {r.Date.Iso()} have passed ({r.A} of {r.B} complete)",
            _ => r.Code.ToString(),
        };
        return r.Kept is { } kept ? $"kept at {kept} (grace): {text}" : text;
    }

    private static string Missing(int flags)
    {
        var parts = new List<string>(3);
        if ((flags & 1) != 0)
        {
            parts.Add("no goal owner");
        }

        if ((flags & 2) != 0)
        {
            parts.Add("no primary goal");
        }

        if ((flags & 4) != 0)
        {
            parts.Add("no goal review");
        }

        return string.Join(", ", parts);
    }
}
