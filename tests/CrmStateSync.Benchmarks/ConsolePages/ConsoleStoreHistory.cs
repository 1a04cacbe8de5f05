using Microsoft.Data.Sqlite;
using static CrmStateSync.Benchmarks.ConsolePages.ConsoleStoreText;

namespace CrmStateSync.Benchmarks.ConsolePages;

/// <summary>
/// What the worker's cycles left in the generated store: hourly runs (calls by kind), each with its write batch (some
/// entries rejected with the CRM's code and message), the problems it met and the conflicts it logged; and intervention
/// tasks. A run's counts match the rows written for it.
/// </summary>
internal sealed class ConsoleStoreHistory(SqliteConnection connection, SqliteTransaction tx, Random rng, DateTime now, int accounts)
{
    /// <summary>Runs older than this many from the newest had their rejected writes superseded and most problems closed.</summary>
    private const int RecentRuns = 400;

    private static readonly (string Code, string Message, bool Transient)[] Rejections =
    [
        ("FIELD_CUSTOM_VALIDATION_EXCEPTION", "Stage can't move back to Onboarding without a reason", false),
        ("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", "bad value for restricted picklist field: At-Risk", false),
        ("ENTITY_IS_LOCKED", "the entity is locked for editing (approval process)", false),
        ("UNABLE_TO_LOCK_ROW", "unable to obtain exclusive access to this record", true),
    ];

    private static readonly string[] InterventionKinds =
        ["GoalClarityConversation", "ConfigurationReview", "AdoptionIntervention", "StakeholderReengagement", "OutcomeReview", "IntegrationEscalation", "MilestoneStalled"];

    public long Entries { get; private set; }

    public long Rejected { get; private set; }

    public void Write(int runs, int problems, int conflicts, int tasks)
    {
        var problemsPerRun = Spread(runs, problems);
        var conflictsPerRun = Spread(runs, conflicts);
        using var run = new BulkInsert(connection, tx, "runs",
            "id", "kind", "started_at", "finished_at", "outcome", "read", "evaluated", "written", "rejected", "conflicts", "api_calls", "problems", "calls_json");
        using var batch = new BulkInsert(connection, tx, "write_batches", "id", "created_at", "completed_at", "run_id");
        using var entry = new BulkInsert(connection, tx, "write_entries",
            "batch_id", "account_id", "fields_json", "values_json", "stage_json", "status", "transient", "error_code", "error_message", "errors_json", "completed_at");
        using var problem = new BulkInsert(connection, tx, "problems",
            "run_id", "object", "record_id", "field", "value", "message", "kind", "kept_aside", "detected_at", "closed_at", "closed_run_id");
        using var conflict = new BulkInsert(connection, tx, "conflicts",
            "account_id", "field", "crm_value", "engine_value", "action", "rule", "detected_on", "resolved_keep", "resolved_on", "resolved_by", "applied_at");
        for (var r = 1; r <= runs; r++)
        {
            var started = now.AddHours(r - runs - 1).AddMinutes(rng.Next(0, 5));
            var recent = r > runs - RecentRuns;
            batch.Row(r, Instant(started.AddSeconds(40)), Instant(started.AddSeconds(70)), r);
            var (written, rejected) = Writes(entry, r, started, recent);
            for (var n = 0; n < problemsPerRun[r - 1]; n++)
            {
                Problem(problem, r, started, recent && rng.Next(3) > 0 ? null : r + rng.Next(1, 24));
            }

            for (var n = 0; n < conflictsPerRun[r - 1]; n++)
            {
                Conflict(conflict, started);
            }

            var (query, composite) = (rng.Next(4, 30), (written + 199) / 200);
            var outcome = r % 700 == 5 ? "stopped" : rejected + problemsPerRun[r - 1] > 0 ? "partial" : "ok";
            run.Row(r, r % 500 == 250 ? "backfill" : "sync", Instant(started), Instant(started.AddSeconds(rng.Next(30, 400))), outcome,
                rng.Next(200, 5000), written + rng.Next(0, 50), written, rejected, conflictsPerRun[r - 1], query + composite + 1, problemsPerRun[r - 1],
                $$"""{"query":{{query}},"composite":{{composite}},"token":1}""");
        }

        Tasks(tasks);
        using var state = new BulkInsert(connection, tx, "worker_state", "key", "value");
        state.Row("sync.lastFullEvaluation", Date(DateOnly.FromDateTime(now)));
        state.Row("schema.lastPassed", "f3a9c2 " + Date(DateOnly.FromDateTime(now)));
    }

    /// <summary><paramref name="total"/> items over <paramref name="runs"/> runs at random.</summary>
    private int[] Spread(int runs, int total)
    {
        var counts = new int[runs];
        for (var n = 0; n < total; n++)
        {
            counts[rng.Next(runs)]++;
        }

        return counts;
    }

    /// <summary>10–70 entries a batch (consecutive accounts from a random start, so none twice); 3% rejected.</summary>
    private (int Written, int Rejected) Writes(BulkInsert entry, int batch, DateTime started, bool recent)
    {
        var (count, first, written, rejected) = (rng.Next(10, 71), rng.Next(1, accounts + 1), 0, 0);
        var completed = Instant(started.AddSeconds(70));
        for (var n = 0; n < count; n++)
        {
            var stage = Stages[rng.Next(1, 5)];
            var state = States[rng.Next(States.Length)];
            var value = rng.Next(2) == 0 ? "Hit" : "Slipping";
            var fields = $$"""["stage","stageReason","stageEntryDate:{{stage}}","state:{{state}}"]""";
            var values = $$"""{"stage":"{{stage}}","stageReason":"{{stage}} since {{Date(DateOnly.FromDateTime(started))}}","stageEntryDate:{{stage}}":"{{Date(DateOnly.FromDateTime(started))}}","state:{{state}}":"{{value}}"}""";
            var stageJson = $$"""{"stage":"{{stage}}","stageSource":"Automated","stageSetOn":"{{Date(DateOnly.FromDateTime(started))}}"}""";
            var account = AccountId((first + n * 7 - 1) % accounts + 1);
            if (rng.Next(100) < 3)
            {
                var (code, message, transient) = Rejections[rng.Next(Rejections.Length)];
                var errors = $$"""[{"code":"{{code}}","message":"{{message}}","fields":["stage"]}]""";
                entry.Row(batch, account, fields, values, stageJson, recent ? "Rejected" : "Superseded", transient ? 1 : 0, code, message, errors, completed);
                rejected++;
            }
            else
            {
                entry.Row(batch, account, fields, values, stageJson, "Done", 0, null, null, null, completed);
                written++;
            }
        }

        Entries += count;
        Rejected += rejected;
        return (written, rejected);
    }

    private void Problem(BulkInsert problem, int run, DateTime started, int? closedRun)
    {
        var detected = Instant(started.AddSeconds(20));
        var closed = closedRun is { } c ? Instant(started.AddHours(c - run)) : null;
        var account = AccountId(rng.Next(1, accounts + 1));
        switch (rng.Next(3))
        {
            case 0:
                problem.Row(run, "Account", account, "goalReviewedOn", "next Tuesday", "'next Tuesday' is not a date (yyyy-MM-dd)", "Unreadable", 0, detected, closed, closed is null ? null : closedRun);
                break;
            case 1:
                var child = ChildId(rng.Next(2) == 0 ? "006" : "003", 9_000_000 + rng.Next(100_000));
                problem.Row(run, child.StartsWith("006", StringComparison.Ordinal) ? "Opportunity" : "Contact", child, "accountId", "001CSL999" + rng.Next(100_000, 999_999),
                    "its account is not in the cache", "UnknownAccount", 1, detected, closed, closed is null ? null : closedRun);
                break;
            default:
                problem.Row(run, "Account", account, "", null, "InvalidOperationException: usage row dated after the as-of date", "Failed", 0, detected, closed, closed is null ? null : closedRun);
                break;
        }
    }

    /// <summary>Reverted (the worker put its value back), accepted (a manual override honoured) or open for an admin,
    /// some of the open ones resolved since (kept CRM or engine, by whom, applied).</summary>
    private void Conflict(BulkInsert conflict, DateTime started)
    {
        var field = ConflictFields[rng.Next(ConflictFields.Length)];
        var (crm, engine) = field switch
        {
            "stage" => (Stages[rng.Next(Stages.Length)], Stages[rng.Next(Stages.Length)]),
            "stageEntryDate:Healthy" => (Date(DateOnly.FromDateTime(started).AddDays(-rng.Next(90))), Date(DateOnly.FromDateTime(started).AddDays(-rng.Next(90)))),
            "nextMilestone" => ("Kickoff", "First project"),
            "divergence" => ("", "Healthy while Goal Clarity is Reset"),
            _ => ("Hit", "Slipping"),
        };
        var account = AccountId(rng.Next(1, accounts + 1));
        var detected = Date(DateOnly.FromDateTime(started));
        var roll = rng.Next(100);
        if (roll < 18)
        {
            // Open; one in six of them resolved since and applied by a later cycle.
            var resolved = rng.Next(6) == 0;
            conflict.Row(account, field, crm, engine, "Open", "a person changed a managed field since the worker's last write", detected,
                resolved ? (rng.Next(2) == 0 ? "Crm" : "Engine") : null, resolved ? Date(DateOnly.FromDateTime(started.AddHours(3))) : null, resolved ? "ada" : null,
                resolved ? Instant(started.AddHours(4)) : null);
        }
        else
        {
            var reverted = roll < 75;
            conflict.Row(account, field, crm, engine, reverted ? "Reverted" : "Accepted",
                reverted ? "managed field: the worker's value wins" : "manual stage override honoured", detected, null, null, null, null);
        }
    }

    /// <summary>Tasks on consecutive accounts (at most one open per account and kind); a quarter still open.</summary>
    private void Tasks(int tasks)
    {
        using var task = new BulkInsert(connection, tx, "intervention_tasks",
            "account_id", "kind", "status", "crm_task_id", "reserved_at", "closed_at", "owner_id", "reason", "due", "maybe_created", "attempts", "last_attempt_at");
        for (var n = 0; n < tasks; n++)
        {
            var reserved = now.AddHours(-rng.Next(1, 3000));
            var open = n % 4 == 0;
            var kind = InterventionKinds[n % InterventionKinds.Length];
            task.Row(AccountId(n * 13 % accounts + 1), kind, open ? "Open" : "Closed", ChildId("00T", n + 1), Instant(reserved),
                open ? null : Instant(reserved.AddDays(rng.Next(1, 30))), "005CSL" + rng.Next(1, 400).ToString("D12", System.Globalization.CultureInfo.InvariantCulture),
                $"{kind}: raised by the rules", Date(DateOnly.FromDateTime(reserved).AddDays(7)), 0, 1, Instant(reserved));
        }
    }
}
