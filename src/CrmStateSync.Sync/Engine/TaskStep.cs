using CrmStateSync.Crm.Contract;
using CrmStateSync.Rules.Model;
using CrmStateSync.Sync.Ports;

namespace CrmStateSync.Sync.Engine;

/// <summary>
/// Interventions become CRM tasks for the account owner: one open task per account and kind, exactly once. A task is
/// reserved in the store (with what it says) before it is created, and carries a <see cref="TaskMarker"/>; a reservation
/// a crash left without a CRM id is looked up by its marker on the next cycle and adopted, or created when the CRM never
/// got it.
/// </summary>
internal sealed class TaskStep(ICrmConnector crm, ISyncStore store)
{
    /// <summary>Settles earlier reservations, then reserves and creates this cycle's; returns the tasks created.</summary>
    public async Task<int> RunAsync(IEnumerable<AccountOutcome> outcomes, CancellationToken ct)
    {
        var created = await ResumeAsync(ct).ConfigureAwait(false);
        foreach (var outcome in outcomes)
        {
            foreach (var intervention in outcome.Result.Interventions)
            {
                var task = new TaskReservation(outcome.AccountId, intervention.Kind, outcome.OwnerId, intervention.Reason, intervention.Due);
                if (await store.TryReserveTaskAsync(task, ct).ConfigureAwait(false))
                {
                    await CreateAsync(task, ct).ConfigureAwait(false);
                    created++;
                }
            }
        }

        return created;
    }

    /// <summary>Reservations an earlier run left without a CRM id: adopt the task if the CRM has it, else create it.</summary>
    private async Task<int> ResumeAsync(CancellationToken ct)
    {
        var created = 0;
        foreach (var task in await store.UnconfirmedTasksAsync(ct).ConfigureAwait(false))
        {
            var marker = TaskMarker.For(task.AccountId, task.Kind);
            if (await crm.FindOpenTaskAsync(task.AccountId, marker, ct).ConfigureAwait(false) is { } existing)
            {
                await store.SetTaskIdAsync(task.AccountId, task.Kind, existing, ct).ConfigureAwait(false);
                continue;
            }

            await CreateAsync(task, ct).ConfigureAwait(false);
            created++;
        }

        return created;
    }

    private async Task CreateAsync(TaskReservation task, CancellationToken ct)
    {
        var request = new TaskRequest(task.AccountId, task.OwnerId, Subject(task.Kind), task.Reason, task.Due) { Marker = TaskMarker.For(task.AccountId, task.Kind) };
        var taskId = await crm.CreateTaskAsync(request, ct).ConfigureAwait(false);
        await store.SetTaskIdAsync(task.AccountId, task.Kind, taskId, ct).ConfigureAwait(false);
    }

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
