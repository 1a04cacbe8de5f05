using CrmStateSync.Crm.Contract;
using CrmStateSync.Rules.Model;
using CrmStateSync.Sync.Ports;

namespace CrmStateSync.Sync.Engine;

/// <summary>Interventions become CRM tasks for the account owner: one open task per account and kind, reserved in the
/// store before it is created so a restart never duplicates it.</summary>
internal sealed class TaskStep(ICrmConnector crm, ISyncStore store)
{
    public async Task<int> RunAsync(IEnumerable<AccountOutcome> outcomes, CancellationToken ct)
    {
        var created = 0;
        foreach (var outcome in outcomes)
        {
            foreach (var intervention in outcome.Result.Interventions)
            {
                if (!await store.TryReserveTaskAsync(outcome.AccountId, intervention.Kind, ct).ConfigureAwait(false))
                {
                    continue;
                }

                var request = new TaskRequest(outcome.AccountId, outcome.OwnerId, Subject(intervention.Kind), intervention.Reason, intervention.Due);
                var taskId = await crm.CreateTaskAsync(request, ct).ConfigureAwait(false);
                await store.SetTaskIdAsync(outcome.AccountId, intervention.Kind, taskId, ct).ConfigureAwait(false);
                created++;
            }
        }

        return created;
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
