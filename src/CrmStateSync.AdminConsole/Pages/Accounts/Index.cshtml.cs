using CrmStateSync.Store.ReadModel;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CrmStateSync.AdminConsole.Pages;

/// <summary>Accounts by name (a case-insensitive prefix) or by id, first by name, 50 a page.</summary>
public sealed class AccountsModel(StoreReader store) : PageModel
{
    public const int PageSize = 50;

    public string? Query { get; private set; }

    public bool After { get; private set; }

    public Page<AccountRow> Results { get; private set; } = new([], false);

    /// <summary>The address of the page after this one.</summary>
    public string NextPage => $"/accounts?q={Uri.EscapeDataString(Query ?? "")}&after={Uri.EscapeDataString(Results.Items[^1].Id)}";

    public async Task OnGetAsync(string? q, string? after, CancellationToken ct)
    {
        Query = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        After = after is not null;
        Results = await store.AccountsAsync(Query, after, PageSize, ct).ConfigureAwait(false);
    }
}
