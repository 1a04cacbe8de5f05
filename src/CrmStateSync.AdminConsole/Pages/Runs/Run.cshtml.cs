using CrmStateSync.Store.ReadModel;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CrmStateSync.AdminConsole.Pages.Runs;

/// <summary>
/// One run: its counts, its API calls by kind, the problems it met and the writes the CRM refused during it, each
/// linking to the account it concerns. Problems and refused writes are paged apart (<c>?problems=ID</c>, <c>?rejected=ID</c>: after that id).
/// </summary>
public sealed class RunModel(StoreReader store) : PageModel
{
    public const int PageSize = 100;

    public RunRow Run { get; private set; } = null!;

    public IReadOnlyList<KeyValuePair<string, long>> CallsByKind { get; private set; } = [];

    public Page<ProblemRow> Problems { get; private set; } = null!;

    public Page<RejectedWriteRow> Rejected { get; private set; } = null!;

    /// <summary>Whether this page starts past the first problem or refused write (a "from the start" link is shown).</summary>
    public bool Paged { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, [FromQuery(Name = "problems")] long? problemsAfter, [FromQuery(Name = "rejected")] long? rejectedAfter, CancellationToken ct)
    {
        if (await store.RunAsync(id, ct).ConfigureAwait(false) is not { } run)
        {
            return NotFound();
        }

        Run = run;
        CallsByKind = RunCalls.ByKind(run);
        Problems = await store.RunProblemsAsync(id, problemsAfter, PageSize, ct).ConfigureAwait(false);
        Rejected = await store.RunRejectedWritesAsync(id, rejectedAfter, PageSize, ct).ConfigureAwait(false);
        Paged = problemsAfter is not null || rejectedAfter is not null;
        return Page();
    }

    /// <summary>What the worker does about the record, in the words of <c>problems list</c>.</summary>
    public static string Handling(ProblemRow p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return p.Kind == "Failed" && !p.KeptAside ? "retried next cycle" : p.KeptAside ? "kept aside" : "read without it";
    }

    /// <summary>Where a refused write stands now.</summary>
    public static string Standing(RejectedWriteRow w)
    {
        ArgumentNullException.ThrowIfNull(w);
        return w.Status switch
        {
            "Rejected" => "still refused",
            "Superseded" => "replaced by a later write",
            _ => "written since",
        };
    }
}
