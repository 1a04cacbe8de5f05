using CrmStateSync.Store.ReadModel;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CrmStateSync.AdminConsole.Pages.Runs;

/// <summary>The cycle history, newest first, <see cref="PageSize"/> a page by run id (<c>?before=ID</c>).</summary>
public sealed class IndexModel(StoreReader store) : PageModel
{
    public const int PageSize = 50;

    public Page<RunRow> Runs { get; private set; } = null!;

    /// <summary>The <c>before</c> of the next (older) page; null on the last.</summary>
    public long? Older => Runs.HasMore ? Runs.Items[^1].Id : null;

    public async Task OnGetAsync(long? before, CancellationToken ct) =>
        Runs = await store.RunsAsync(before, PageSize, ct).ConfigureAwait(false);
}
