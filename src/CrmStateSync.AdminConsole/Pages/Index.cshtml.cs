using CrmStateSync.AdminConsole.Hosting;
using CrmStateSync.Store.ReadModel;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CrmStateSync.AdminConsole.Pages;

/// <summary>The overview: org, last and next cycle, the day's API calls, what waits for an admin, the schema check.</summary>
public sealed class IndexModel(StoreReader store, ConsoleSite site, TimeProvider clock) : PageModel
{
    public OverviewFacts Facts { get; private set; } = null!;

    public string NextCycle { get; private set; } = "";

    public string Readiness { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        Facts = await store.OverviewAsync(DateOnly.FromDateTime(now.UtcDateTime), 10, ct).ConfigureAwait(false);
        (NextCycle, Readiness) = site.Worker is { } worker
            ? (worker.NextCycle is { } next ? Fmt.Instant(next) : "a cycle is running", worker.Readiness)
            : ("not scheduled here", "this console serves a store file; the worker runs elsewhere");
    }
}
