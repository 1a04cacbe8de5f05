using CrmStateSync.Crm.Contract;
using CrmStateSync.Crm.Salesforce.Api;

namespace CrmStateSync.Crm.Salesforce.Writing;

/// <summary>A Salesforce save result as the contract's <see cref="WriteResult"/>; which refusals are worth retrying.</summary>
internal static class SaveResults
{
    /// <summary>Per-record codes that may succeed later: a locked row, a server-side timeout or outage.</summary>
    public static readonly IReadOnlySet<string> TransientCodes = new HashSet<string>(StringComparer.Ordinal)
    {
        "UNABLE_TO_LOCK_ROW", "REQUEST_RUNNING_TOO_LONG", "SERVER_UNAVAILABLE", "REQUEST_LIMIT_EXCEEDED",
    };

    public static WriteResult ToWriteResult(SaveResult saved, string requestedId)
    {
        if (saved.Success)
        {
            return WriteResult.Ok(saved.Id ?? requestedId);
        }

        var errors = (saved.Errors ?? []).Select(e => new CrmError(e.StatusCode ?? "UNKNOWN", e.Message ?? "", e.Fields ?? [])).ToArray();
        if (errors.Length == 0)
        {
            errors = [new CrmError("UNKNOWN", "Salesforce reported a failure without an error", [])];
        }

        return WriteResult.Failed(requestedId, errors.All(e => TransientCodes.Contains(e.Code)), errors);
    }
}
