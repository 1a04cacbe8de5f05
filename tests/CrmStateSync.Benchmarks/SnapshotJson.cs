using System.Text.Json;
using CrmStateSync.Rules.Model;

namespace CrmStateSync.Benchmarks;

/// <summary>
/// Writes a generated account in the canonical snapshot JSON of rules.md §1 (camelCase, dates as YYYY-MM-DD, enums by
/// name), compact, the input <c>evaluate</c> reads. Only what <see cref="AccountGenerator"/> sets: no states,
/// milestones or last-written values.
/// </summary>
internal static class SnapshotJson
{
    public static void Write(Utf8JsonWriter w, AccountSnapshot a)
    {
        w.WriteStartObject();
        w.WriteString("id", a.Id);
        Text(w, "name", a.Name);
        Text(w, "segment", a.Segment);
        Text(w, "ownerId", a.OwnerId);
        if (a.Managed.Stage is { } stage)
        {
            w.WriteStartObject("managed");
            w.WriteString("stage", stage);
            w.WriteEndObject();
        }

        Text(w, "goalOwnerId", a.GoalOwnerId);
        Text(w, "primaryGoal", a.PrimaryGoal);
        Date(w, "goalReviewedOn", a.GoalReviewedOn);
        Date(w, "goalChangedOn", a.GoalChangedOn);
        Date(w, "leadershipChangeOn", a.LeadershipChangeOn);
        Date(w, "kickoffOn", a.KickoffOn);
        Date(w, "onboardingCompleteOn", a.OnboardingCompleteOn);
        w.WriteBoolean("workflowsLive", a.WorkflowsLive);
        Date(w, "configVerifiedOn", a.ConfigVerifiedOn);
        Date(w, "workflowGapOn", a.WorkflowGapOn);
        Text(w, "integrationStatus", a.IntegrationStatus?.ToString());
        Date(w, "integrationChangedOn", a.IntegrationChangedOn);
        if (a.InNewHireOnboarding is { } onboarding)
        {
            w.WriteBoolean("inNewHireOnboarding", onboarding);
        }

        Date(w, "lastOutcomeOn", a.LastOutcomeOn);
        Text(w, "lastOutcome", a.LastOutcome);
        Opportunities(w, a.Opportunities);
        Contacts(w, a.Contacts);
        Usage(w, a.Usage);
        w.WriteEndObject();
    }

    private static void Opportunities(Utf8JsonWriter w, IReadOnlyList<Opportunity> opportunities)
    {
        w.WriteStartArray("opportunities");
        foreach (var o in opportunities)
        {
            w.WriteStartObject();
            w.WriteString("id", o.Id);
            w.WriteBoolean("isClosed", o.IsClosed);
            w.WriteBoolean("isWon", o.IsWon);
            Date(w, "closeDate", o.CloseDate);
            Text(w, "type", o.Type?.ToString());
            Date(w, "contractStart", o.ContractStart);
            Date(w, "contractEnd", o.ContractEnd);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void Contacts(Utf8JsonWriter w, IReadOnlyList<Contact> contacts)
    {
        w.WriteStartArray("contacts");
        foreach (var c in contacts)
        {
            w.WriteStartObject();
            w.WriteString("id", c.Id);
            Text(w, "function", c.Function);
            Text(w, "role", c.Role?.ToString());
            Date(w, "lastActiveOn", c.LastActiveOn);
            Date(w, "lastEngagedOn", c.LastEngagedOn);
            Date(w, "departedOn", c.DepartedOn);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void Usage(Utf8JsonWriter w, IReadOnlyList<UsageRow> usage)
    {
        w.WriteStartArray("usage");
        foreach (var u in usage)
        {
            w.WriteStartObject();
            w.WriteString("date", u.Date.ToString("yyyy-MM-dd"));
            w.WriteNumber("activeUsers", u.ActiveUsers);
            w.WriteNumber("valueActions", u.ValueActions);
            w.WriteNumber("coreEvents", u.CoreEvents);
            if (u.Metrics.Count > 0)
            {
                w.WriteStartObject("metrics");
                foreach (var (name, value) in u.Metrics)
                {
                    w.WriteNumber(name, value);
                }

                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void Text(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    private static void Date(Utf8JsonWriter w, string name, DateOnly? value)
    {
        if (value is { } d)
        {
            w.WriteString(name, d.ToString("yyyy-MM-dd"));
        }
    }
}
