using CrmStateSync.Hosting;
using CrmStateSync.Output;
using CrmStateSync.Sync.Diff;

namespace CrmStateSync.Commands;

/// <summary>
/// How <c>sync --once --dry-run</c> shows its plan (issue 13 item 8): <c>--limit N</c> lists the first N accounts that have
/// something planned and counts the rest; <c>--account ID</c> (a CRM id, or a name the cache holds once) evaluates that one
/// account, changed or not, and prints its plan in full with each value's reason.
/// </summary>
internal sealed record PlanView(string? Account, int? Limit)
{
    /// <summary>What is wrong with the options, or null.</summary>
    public string? Problem(bool dryRun) =>
        (Account is not null || Limit is not null) && !dryRun ? "--account and --limit choose what a plan shows: use them with --dry-run."
        : Limit is <= 0 ? $"--limit: '{Limit}' is not a number of accounts (1 or more)."
        : Account is not null && Limit is not null ? "--account shows one account in full; --limit does not apply to it."
        : null;

    /// <summary>Plans <see cref="Account"/> alone and prints it; <see cref="ExitCodes.ConfigurationError"/> when it names no single account.</summary>
    public async Task<int> RunAccountAsync(Worker worker, string format, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var matches = await worker.Store.FindAccountsAsync(Account!, ct).ConfigureAwait(false);
        if (matches.Count > 1)
        {
            error.WriteLine($"--account: {matches.Count} accounts are named '{Account}': {string.Join(", ", matches.Select(m => m.Id))}. Give the CRM id.");
            return ExitCodes.ConfigurationError;
        }

        // Not cached yet (a first dry run): taken as a CRM id; the dry run reads the org first.
        var id = matches.Count == 1 ? matches[0].Id : Account!;
        var result = await worker.Engine.PlanAccountsAsync([id], ct).ConfigureAwait(false);
        if (result.Accounts.Count == 0)
        {
            error.WriteLine($"--account: no account with CRM id or name '{Account}' in the org (as read into the worker's cache).");
            return ExitCodes.ConfigurationError;
        }

        var outcome = result.Accounts[0];
        var crm = await worker.Store.LoadCrmTextAsync(id, ct).ConfigureAwait(false);
        var name = (await worker.Store.LoadSnapshotAsync(id, ct).ConfigureAwait(false))?.Name;
        AccountPlanWriter.Write(output, new AccountPlanView(outcome, name, crm, DesiredValues.From(outcome.Result, worker.Rules.Rules)), format);
        (format == "json" ? error : output).WriteLine(result.Summary.ToString());
        return result.Summary.Outcome is "ok" ? ExitCodes.Success : ExitCodes.PartialFailure;
    }
}
