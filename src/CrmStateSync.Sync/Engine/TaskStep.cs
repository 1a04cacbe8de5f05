using CrmStateSync.Crm.Contract;
using CrmStateSync.Rules.Model;
using CrmStateSync.Sync.Ports;
using Microsoft.Extensions.Logging;

namespace CrmStateSync.Sync.Engine;

/// <summary>
/// Interventions become CRM tasks for the account owner: one open task per account and kind, exactly once. A task is
/// reserved in the store (with what it says) before it is created, and carries a <see cref="TaskMarker"/>. Creates go
/// out in batches of <see cref="SyncOptions.WriteChunk"/> (the connector splits to the CRM's limit), journaled on their
/// reservations: marked "maybe created" before the call, completed with the CRM's answer after it. A create is never
/// resent blindly: a reservation that may have landed (a lost answer, a crash while the call was out) is looked up by
/// its marker on the next cycle and adopted, or created when the CRM never got it. A refused task (the account was
/// deleted, the owner is inactive, the write budget share is used) is journaled with the CRM's code and message and
/// retried next cycle; it never stops the cycle's writes.
/// </summary>
internal sealed partial class TaskStep(ICrmConnector crm, ISyncStore store, SyncOptions options, ILogger logger)
{
    /// <summary>Reserves and creates this cycle's tasks; returns the tasks created.</summary>
    public async Task<int> RunAsync(IEnumerable<AccountOutcome> outcomes, CancellationToken ct)
    {
        var reserved = new List<TaskReservation>();
        foreach (var outcome in outcomes)
        {
            foreach (var intervention in outcome.Result.Interventions)
            {
                var task = new TaskReservation(outcome.AccountId, intervention.Kind, outcome.OwnerId, intervention.Reason, intervention.Due);
                if (await store.TryReserveTaskAsync(task, ct).ConfigureAwait(false))
                {
                    reserved.Add(task);
                }
            }
        }

        return await SendAsync(reserved, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Reservations an earlier run left without a CRM id (once per cycle, before new ones): one that may have landed is
    /// adopted if the CRM has it; the rest are created. Returns the tasks created.
    /// </summary>
    public async Task<int> ResumeAsync(CancellationToken ct)
    {
        var unsent = new List<TaskReservation>();
        foreach (var task in await store.UnconfirmedTasksAsync(ct).ConfigureAwait(false))
        {
            if (await store.LoadAsync(task.AccountId, ct).ConfigureAwait(false) is null)
            {
                // The account left the CRM (deleted or merged away): no task can be created for it, so stop trying.
                await store.CloseTaskAsync(task.AccountId, task.Kind, ct).ConfigureAwait(false);
                continue;
            }

            // Only a create that may have landed needs the lookup; a refused or never-sent one is simply sent.
            if (task.MaybeCreated && await crm.FindOpenTaskAsync(task.AccountId, TaskMarker.For(task.AccountId, task.Kind), ct).ConfigureAwait(false) is { } existing)
            {
                await store.SetTaskIdAsync(task.AccountId, task.Kind, existing, ct).ConfigureAwait(false);
                continue;
            }

            unsent.Add(task);
        }

        return await SendAsync(unsent, ct).ConfigureAwait(false);
    }

    /// <summary>Sends the creates in batches, each journaled before and after the call; returns the tasks created.</summary>
    private async Task<int> SendAsync(IReadOnlyList<TaskReservation> tasks, CancellationToken ct)
    {
        var created = 0;
        foreach (var batch in tasks.Chunk(options.WriteChunk))
        {
            await store.MarkTasksSentAsync(batch, ct).ConfigureAwait(false);
            var results = await crm.CreateTasksAsync([.. batch.Select(Request)], ct).ConfigureAwait(false);
            await store.CompleteTasksAsync(batch, results, ct).ConfigureAwait(false);
            created += results.Count(r => r.Fate == TaskFate.Created);
            foreach (var (task, result) in batch.Zip(results).Where(p => p.Second.Fate != TaskFate.Created))
            {
                var error = result.Errors.Count > 0 ? result.Errors[0] : new CrmError("UNKNOWN", "no error given", []);
                LogTaskNotCreated(logger, task.Kind.ToString(), task.AccountId, result.Fate.ToString(), error.Code, error.Message);
            }
        }

        return created;
    }

    private static TaskRequest Request(TaskReservation task) =>
        new(task.AccountId, task.OwnerId, Subject(task.Kind), task.Reason, task.Due) { Marker = TaskMarker.For(task.AccountId, task.Kind) };

    [LoggerMessage(Level = LogLevel.Warning, Message = "The {Kind} task for account {AccountId} was not created ({Fate}, {CrmCode}): {Message}; the next cycle retries it (looking it up first if it may have landed)")]
    private static partial void LogTaskNotCreated(ILogger logger, string kind, string accountId, string fate, string crmCode, string message);

    /// <summary>The task title a CSM sees.</summary>
    public static string Subject(InterventionKind kind) => kind switch
    {
        InterventionKind.GoalClarityConversation => "Hold the goal-clarity conversation with the new leadership",
        InterventionKind.ConfigurationReview => "Review the configuration against the current goals",
        InterventionKind.AdoptionIntervention => "Adoption is slipping: run an adoption intervention",
        InterventionKind.StakeholderReengagement => "Re-establish the departed stakeholder role",
        InterventionKind.OutcomeReview => "Capture an outcome the customer attributes to the product",
        InterventionKind.IntegrationEscalation => "Escalate: the integration broke or was removed",
        _ => "A milestone is stalled: unblock it",
    };
}
