using CrmStateSync.Crm.Contract;
using CrmStateSync.Crm.Salesforce.Api;

namespace CrmStateSync.Crm.Salesforce.Writing;

/// <summary>
/// The write budget share (<see cref="SalesforceOptions.WriteBudgetShare"/>): once the org's daily API usage, as the last
/// response reported it, reaches the share, field updates and task creates alike are held back for this cycle — as
/// transient refusals, so the next cycle (a new day's budget, or after other integrations) resumes them.
/// </summary>
internal sealed class WriteBudget(SalesforceOptions options, SalesforceUsage usage)
{
    /// <summary>The code of a record held back by the budget guard (transient: retried next cycle).</summary>
    public const string Code = "WRITE_BUDGET_SHARE";

    /// <summary>The budget-guard error once the org's usage reached the write share, else null.</summary>
    public CrmError? Spent() =>
        usage.Share is { } share && share >= options.WriteBudgetShare
            ? new CrmError(Code, $"Salesforce API usage is {usage.Used}/{usage.Max} ({share:P0}), at or above the write share "
                + $"{options.WriteBudgetShare:P0} (Crm:Salesforce:WriteBudgetShare); writes stop for this cycle", [])
            : null;
}
