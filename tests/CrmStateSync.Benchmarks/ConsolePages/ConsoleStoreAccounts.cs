using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using static CrmStateSync.Benchmarks.ConsolePages.ConsoleStoreText;

namespace CrmStateSync.Benchmarks.ConsolePages;

/// <summary>
/// The accounts of the generated store, in the shapes a real sync writes (mirrored from a `demo` store): the cached
/// account fields, managed values and managed text; a few opportunities, contacts and usage rows each; what the worker
/// last wrote; and a stage history of about ten transitions (one account in 2,000 has 120, for the longest timeline).
/// </summary>
internal sealed class ConsoleStoreAccounts(SqliteConnection connection, SqliteTransaction tx, Random rng, DateTime now)
{
    /// <summary>Every 2,000th account (from 17) has this many transitions: the account page's worst timeline.</summary>
    public const int BusyTransitions = 120;

    private readonly DateOnly _today = DateOnly.FromDateTime(now);
    private readonly string _nowText = Instant(now);
    private long _opportunity;
    private long _contact;
    private long _usage;

    public long Transitions { get; private set; }

    public void Write(int accounts)
    {
        using var account = new BulkInsert(connection, tx, "accounts", "id", "modified_at", "account_json", "managed_json", "managed_text_json");
        using var transition = new BulkInsert(connection, tx, "transitions", "account_id", "from_stage", "to_stage", "on_date", "source", "reason", "recorded_at");
        using var stage = new BulkInsert(connection, tx, "last_written_stage", "account_id", "stage", "source", "set_on");
        using var field = new BulkInsert(connection, tx, "last_written_fields", "account_id", "field", "value", "written_at");
        using var opportunity = new BulkInsert(connection, tx, "opportunities", "id", "account_id", "modified_at", "record_json");
        using var contact = new BulkInsert(connection, tx, "contacts", "id", "account_id", "modified_at", "record_json");
        using var usage = new BulkInsert(connection, tx, "usage", "id", "account_id", "date", "modified_at", "active_users", "value_actions", "core_events", "metrics_json");
        for (var i = 1; i <= accounts; i++)
        {
            var id = AccountId(i);
            var segment = Segments[rng.Next(Segments.Length)];
            var history = History(i);
            foreach (var t in history)
            {
                transition.Row(id, t.From, t.To, Date(t.On), t.Source, t.Reason, t.RecordedAt);
            }

            Transitions += history.Count;
            var last = history[^1];
            var states = States.Select(_ => rng.Next(10) < 6 ? "Hit" : rng.Next(2) == 0 ? "Slipping" : "Reset").ToArray();
            var verified = States.Select(_ => _today.AddDays(-rng.Next(0, 120))).ToArray();
            var entries = EntryDates(history);
            account.Row(id, _nowText, AccountJson(id, Name(rng, i, segment), segment), ManagedJson(last.To, entries, states, verified), ManagedText(last, entries, states, verified));
            stage.Row(id, last.To, last.Source == "Manual" ? "Manual" : "Automated", Date(last.On));
            field.Row(id, "stage", last.To, _nowText);
            field.Row(id, "stageReason", last.Reason, _nowText);
            for (var s = 0; s < States.Length; s++)
            {
                field.Row(id, "state:" + States[s], states[s], _nowText);
            }

            Children(id, opportunity, contact, usage);
        }
    }

    private sealed record Step(string? From, string To, DateOnly On, string Source, string Reason, string RecordedAt);

    /// <summary>New Customer → Onboarding → Adopting → Healthy, then back and forth between Healthy, At-Risk and Adopting,
    /// one in ten ending Churned; dates strictly rising, so (account, from, to, date) stays unique.</summary>
    private List<Step> History(int i)
    {
        var busy = i % 2000 == 17;
        var count = busy ? BusyTransitions : 4 + rng.Next(13);
        var gaps = Enumerable.Range(0, count).Select(_ => busy ? rng.Next(3, 20) : rng.Next(7, 150)).ToArray();
        var on = _today.AddDays(-gaps.Sum() - rng.Next(0, 30));
        // One account in five was backfilled at go-live: its older half of the history came from the backfill.
        var backfilledThrough = rng.Next(5) == 0 ? count / 2 : 0;
        var steps = new List<Step>(count);
        string? from = null;
        for (var n = 0; n < count; n++)
        {
            var to = n < 4 ? Stages[n] : n == count - 1 && rng.Next(10) == 0 ? "Churned" : Next(from!);
            var source = n < backfilledThrough ? "Backfill" : rng.Next(100) < 9 ? "Manual" : "Automated";
            var reason = source == "Manual" ? ManualReason(rng, to, on) : StageReason(rng, to, on, i);
            var recorded = source == "Backfill" ? on.AddDays(gaps.Skip(n).Take(backfilledThrough - n).Sum()) : on;
            steps.Add(new Step(from, to, on, source, reason, Date(recorded) + "T06:00:00.0000000Z"));
            from = to;
            on = on.AddDays(gaps[n]);
        }

        return steps;
    }

    private string Next(string current)
    {
        string[] moves = current switch { "Healthy" => ["At-Risk", "Adopting"], "At-Risk" => ["Healthy", "Adopting"], _ => ["Healthy", "At-Risk"] };
        return moves[rng.Next(moves.Length)];
    }

    private static SortedDictionary<string, DateOnly> EntryDates(List<Step> history)
    {
        var entries = new SortedDictionary<string, DateOnly>(StringComparer.Ordinal);
        foreach (var step in history)
        {
            entries[step.To] = step.On;
        }

        return entries;
    }

    /// <summary>The cached account fields as a sync stores them (managed values, children and usage kept apart).</summary>
    private string AccountJson(string id, string name, string segment)
    {
        var json = new StringBuilder(600).Append("{\"id\":\"").Append(id).Append("\",\"name\":").Append(Json(name));
        json.Append(",\"segment\":\"").Append(segment).Append("\",\"ownerId\":\"").Append(ChildId("005", rng.Next(1, 400)));
        json.Append("\",\"managed\":{\"stageEntryDates\":{},\"states\":{},\"milestones\":{}},\"goalOwnerId\":\"").Append(ChildId("003", rng.Next(1, 999_999))).Append('"');
        Property(json, "primaryGoal", "Close the books two days faster");
        Property(json, "goalReviewedOn", Date(_today.AddDays(-rng.Next(90))));
        Property(json, "goalChangedOn", Date(_today.AddDays(-rng.Next(90, 400))));
        Property(json, "kickoffOn", Date(_today.AddDays(-rng.Next(400, 900))));
        Property(json, "onboardingCompleteOn", Date(_today.AddDays(-rng.Next(200, 400))));
        json.Append(",\"workflowsLive\":").Append(rng.Next(4) > 0 ? "true" : "false");
        Property(json, "configVerifiedOn", Date(_today.AddDays(-rng.Next(60))));
        Property(json, "integrationStatus", rng.Next(5) > 0 ? "Live" : "Removed");
        Property(json, "integrationChangedOn", Date(_today.AddDays(-rng.Next(300))));
        json.Append(",\"inNewHireOnboarding\":true");
        Property(json, "lastOutcomeOn", Date(_today.AddDays(-rng.Next(60))));
        Property(json, "lastOutcome", "Cycle time 30 days");
        return json.Append(",\"opportunities\":[],\"contacts\":[],\"usage\":[]}").ToString();
    }

    private static void Property(StringBuilder json, string name, string value) => json.Append(",\"").Append(name).Append("\":").Append(Json(value));

    private static string ManagedJson(string stage, SortedDictionary<string, DateOnly> entries, string[] states, DateOnly[] verified)
    {
        var json = new StringBuilder(700).Append("{\"stage\":").Append(Json(stage)).Append(",\"stageEntryDates\":{");
        json.AppendJoin(',', entries.Select(e => $"{Json(e.Key)}:\"{Date(e.Value)}\"")).Append("},\"states\":{");
        json.AppendJoin(',', States.Select((s, n) => $"\"{s}\":{{\"value\":\"{states[n]}\",\"verifiedOn\":\"{Date(verified[n])}\"}}"));
        return json.Append("},\"milestones\":{\"first_user_active\":\"2025-11-23\",\"first_value_action\":\"2025-12-02\"},\"milestoneStalled\":false}").ToString();
    }

    private static string ManagedText(Step last, SortedDictionary<string, DateOnly> entries, string[] states, DateOnly[] verified)
    {
        var json = new StringBuilder(1300).Append("{\"overrideReason\":null,\"stage\":").Append(Json(last.To)).Append(",\"stageReason\":").Append(Json(last.Reason));
        json.Append(",\"divergence\":").Append(last.To == "Healthy" && states.Contains("Reset") ? "\"Healthy while a state is Reset\"" : "null");
        json.Append(",\"milestonesCompleted\":\"2\",\"nextMilestone\":\"First project\",\"milestoneStalled\":\"false\",\"milestoneStalledSince\":null");
        foreach (var stage in Stages)
        {
            json.Append(",\"stageEntryDate:").Append(stage).Append("\":").Append(entries.TryGetValue(stage, out var on) ? $"\"{Date(on)}\"" : "null");
        }

        for (var n = 0; n < States.Length; n++)
        {
            json.Append(",\"state:").Append(States[n]).Append("\":\"").Append(states[n]).Append('"');
            json.Append(",\"stateVerified:").Append(States[n]).Append("\":\"").Append(Date(verified[n])).Append('"');
        }

        return json.Append(",\"milestone:first_user_active\":\"2025-11-23\",\"milestone:first_value_action\":\"2025-12-02\"}").ToString();
    }

    /// <summary>One to four opportunities, two to five contacts, three weekly usage rows.</summary>
    private void Children(string id, BulkInsert opportunity, BulkInsert contact, BulkInsert usage)
    {
        for (var n = rng.Next(1, 5); n > 0; n--)
        {
            var oid = ChildId("006", ++_opportunity);
            var won = rng.Next(3) > 0;
            opportunity.Row(oid, id, _nowText,
                $$"""{"id":"{{oid}}","isClosed":{{(won ? "true" : "false")}},"isWon":{{(won ? "true" : "false")}},"closeDate":"{{Date(_today.AddDays(-rng.Next(700)))}}","type":"{{(n == 1 ? "NewBusiness" : "Renewal")}}"}""");
        }

        for (var n = rng.Next(2, 6); n > 0; n--)
        {
            var cid = ChildId("003", ++_contact);
            var role = n == 1 ? "ExecSponsor" : n == 2 ? "Champion" : "User";
            contact.Row(cid, id, _nowText, $$"""{"id":"{{cid}}","function":"Finance","role":"{{role}}","lastEngagedOn":"{{Date(_today.AddDays(-rng.Next(60)))}}"}""");
        }

        for (var week = 3; week > 0; week--)
        {
            usage.Row(ChildId("a0U", ++_usage), id, Date(_today.AddDays(-7 * week)), _nowText, rng.Next(1, 40), rng.Next(0, 30), rng.Next(0, 120),
                "{\"projects_created\":" + rng.Next(3).ToString(CultureInfo.InvariantCulture) + "}");
        }
    }
}
