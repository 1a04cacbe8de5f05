using CrmStateSync.Crm.Contract;
using CrmStateSync.Rules.Model;
using CrmStateSync.Sync.Ports;
using Microsoft.Extensions.Logging;

namespace CrmStateSync.Sync.Engine;

/// <summary>
/// Interventions become CRM tasks for the account owner: one open task per account and kind, exactly once. A task is
/// reserved in the store (with what it says) before it is created, and carries a <see cref="TaskMarker"/>; a reservation
/// a crash left without a CRM id is looked up by its marker on the next cycle and adopted, or created when the CRM never
/// got it. The CRM refusing one task (the account was deleted, the owner is inactive) is logged with its code and the
/// reservation retried next cycle; it never stops the cycle's writes.
/// </summary>
internal sealed partial class TaskStep(ICrmConnector crm, ISyncStore store, ILogger logger)
{
    /// <summary>Reserves and creates this cycle's tasks; returns the tasks created.</summary>
    public async Task<int> RunAsync(IEnumerable<AccountOutcome> outcomes, CancellationToken ct)
    {
        var created = 0;
        foreach (var outcome in outcomes)
        {
            foreach (var intervention in outcome.Result.Interventions)
            {
                var task = new TaskReservation(outcome.AccountId, intervention.Kind, outcome.OwnerId, intervention.Reason, intervention.Due);
                if (await store.TryReserveTaskAsync(task, ct).ConfigureAwait(false) && await CreateAsync(task, ct).ConfigureAwait(false))
                {
                    created++;
                }
            }
        }

        return created;
    }

    /// <summary>
    /// Reservations an earlier run left without a CRM id (once per cycle, before new ones): adopt the task if the CRM
    /// has it, else create it; returns the tasks created.
    /// </summary>
    public async Task<int> ResumeAsync(CancellationToken ct)
    {
        var created = 0;
        foreach (var task in await store.UnconfirmedTasksAsync(ct).ConfigureAwait(false))
        {
            if (await store.LoadAsync(task.AccountId, ct).ConfigureAwait(false) is null)
            {
                // The account left the CRM (deleted or merged away): no task can be created for it, so stop trying.
                await store.CloseTaskAsync(task.AccountId, task.Kind, ct).ConfigureAwait(false);
                continue;
            }

            var marker = TaskMarker.For(task.AccountId, task.Kind);
            if (await crm.FindOpenTaskAsync(task.AccountId, marker, ct).ConfigureAwait(false) is { } existing)
            {
                await store.SetTaskIdAsync(task.AccountId, task.Kind, existing, ct).ConfigureAwait(false);
                continue;
            }

            created += await CreateAsync(task, ct).ConfigureAwait(false) ? 1 : 0;
        }

        return created;
    }

    /// <summary>Creates the task and records its id; false when the CRM refused this one task (it stays reserved).</summary>
    private async Task<bool> CreateAsync(TaskReservation task, CancellationToken ct)
    {
        var request = new TaskRequest(task.AccountId, task.OwnerId, Subject(task.Kind), task.Reason, task.Due) { Marker = TaskMarker.For(task.AccountId, task.Kind) };
        try
        {
            var taskId = await crm.CreateTaskAsync(request, ct).ConfigureAwait(false);
            await store.SetTaskIdAsync(task.AccountId, task.Kind, taskId, ct).ConfigureAwait(false);
            return true;
        }
        catch (CrmException ex) when (ex is not (CrmAuthenticationException or CrmUnavailableException or CrmBudgetExhaustedException))
        {
            LogTaskRefused(logger, task.Kind.ToString(), task.AccountId, ex.CrmCode, ex.HttpStatus, ex.Message);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The CRM refused the {Kind} task for account {AccountId} ({CrmCode}, HTTP {HttpStatus}): {Message}; retried next cycle")]
    private static partial void LogTaskRefused(ILogger logger, string kind, string accountId, string? crmCode, int? httpStatus, string message);

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
