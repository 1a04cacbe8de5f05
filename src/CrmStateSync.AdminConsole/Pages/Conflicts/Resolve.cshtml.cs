using CrmStateSync.AdminConsole.Hosting;
using CrmStateSync.Store;
using CrmStateSync.Store.ReadModel;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CrmStateSync.AdminConsole.Pages.Conflicts;

/// <summary>
/// Resolving a conflict, admins only: the GET states exactly what keeping the chosen value will do and asks to confirm;
/// the POST (anti-forgery checked) records it as <c>conflicts resolve</c> does — through <see cref="SqliteSyncStore"/>,
/// dated on the console's clock, with the signed-in user as who resolved it — then shows the conflict resolved. A conflict
/// no longer open is refused with the reason, nothing changed.
/// </summary>
[Authorize(Policy = ConsoleServer.AdminPolicy)]
public sealed class ResolveModel(StoreReader reader, ConsoleSite site) : PageModel
{
    public ConflictEntry Conflict { get; private set; } = null!;

    public ConflictKeep Keep { get; private set; }

    /// <summary>Why nothing was changed; null when the conflict can be resolved.</summary>
    public string? Refusal { get; private set; }

    public DateOnly Today => DateOnly.FromDateTime(site.Clock.GetUtcNow().UtcDateTime);

    public async Task<IActionResult> OnGetAsync(long id, string? keep, CancellationToken ct)
    {
        if (ConflictText.ParseKeep(keep) is not { } chosen)
        {
            return BadRequest();
        }

        if (await reader.ConflictAsync(id, ct).ConfigureAwait(false) is not { } conflict)
        {
            return NotFound();
        }

        (Conflict, Keep, Refusal) = (conflict, chosen, conflict.IsOpen ? null : ConflictText.NotOpen(conflict));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, string? keep, CancellationToken ct)
    {
        if (ConflictText.ParseKeep(keep) is not { } chosen)
        {
            return BadRequest();
        }

        // The console's reader is read-only: the decision goes through the store the worker writes with, as the CLI's does.
        await using var store = await SqliteSyncStore.OpenAsync(site.StorePath, site.OrgId, site.Provider, time: site.Clock, cancellationToken: ct).ConfigureAwait(false);
        if (await store.GetConflictAsync(id, ct).ConfigureAwait(false) is not { } conflict)
        {
            return NotFound();
        }

        if (conflict.IsOpen && await store.ResolveConflictAsync(id, chosen, Today, User.Identity?.Name, ct).ConfigureAwait(false))
        {
            return Redirect($"/conflicts/{id}?resolved=true");
        }

        // Resolved already (perhaps by someone else since the confirmation was shown), or settled by the worker.
        (Conflict, Keep) = (await store.GetConflictAsync(id, ct).ConfigureAwait(false) ?? conflict, chosen);
        Refusal = ConflictText.NotOpen(Conflict);
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }
}
