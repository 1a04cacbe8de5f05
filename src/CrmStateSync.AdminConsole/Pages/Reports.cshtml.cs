using CrmStateSync.AdminConsole.Reports;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CrmStateSync.AdminConsole.Pages;

/// <summary>
/// The velocity, distribution and divergence reports with the charts of <c>report --format html</c>, as of today and
/// the latest finished run (computed once per run, see <see cref="ReportsCache"/>).
/// </summary>
public sealed class ReportsModel(ReportsCache cache, TimeProvider clock) : PageModel
{
    public RenderedReports Reports { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) =>
        Reports = await cache.GetAsync(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct).ConfigureAwait(false);
}
