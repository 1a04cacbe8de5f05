using System.Globalization;
using CrmStateSync.Crm.Contract;
using CrmStateSync.Crm.HubSpot.Http;

namespace CrmStateSync.Crm.HubSpot;

/// <summary>
/// The write budget share (<see cref="HubSpotOptions.WriteBudgetShare"/>), as Salesforce has it: once the portal's daily
/// API use reaches the share, batch updates and task creates are held back for this cycle — as transient refusals, so
/// the next cycle (a new day's budget) resumes them — and the rest of the day's calls stay for reads and the portal's
/// other integrations. The use is HubSpot's own word (daily max − remaining, from the last response's headers) when it
/// has said it, else this process's count against <see cref="HubSpotOptions.DailyLimit"/>.
/// </summary>
internal sealed class HubSpotWriteBudget(HubSpotOptions options, HubSpotRateLimiter limiter)
{
    /// <summary>The code of a record held back by the budget guard (transient: retried next cycle); Salesforce's too.</summary>
    public const string Code = "WRITE_BUDGET_SHARE";

    /// <summary>The budget-guard error once the portal's use reached the write share, else null.</summary>
    public CrmError? Spent()
    {
        var (used, max) = limiter.DailyMax is { } dailyMax and > 0 && limiter.DailyRemaining is { } remaining
            ? (dailyMax - remaining, dailyMax)
            : (limiter.CallsToday, limiter.DailyLimit);
        if (max <= 0)
        {
            return null;
        }

        var share = (double)used / max;
        return share >= options.WriteBudgetShare
            ? new CrmError(Code, string.Create(CultureInfo.InvariantCulture, $"HubSpot API use is {used}/{max} ({share:P0}), at or above the write share ")
                + string.Create(CultureInfo.InvariantCulture, $"{options.WriteBudgetShare:P0} ({HubSpotOptions.Section}:WriteBudgetShare); writes stop for this cycle"), [])
            : null;
    }
}
