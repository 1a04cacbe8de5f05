using CrmStateSync.Store;
using CrmStateSync.Store.ReadModel;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CrmStateSync.AdminConsole.Pages.Conflicts;

/// <summary>
/// One conflict: both values, the field, the account, the rule, what the worker did and the resolution. An admin sees
/// the two resolve buttons while it is open; they lead to the confirmation on <see cref="ResolveModel"/>.
/// </summary>
public sealed class ConflictModel(StoreReader store) : PageModel
{
    public ConflictEntry Conflict { get; private set; } = null!;

    /// <summary>Set right after a resolution (<c>?resolved=1</c>): the page says it was recorded.</summary>
    public bool JustResolved { get; private set; }

    public bool CanResolve => Conflict.IsOpen && User.IsInRole(ConsoleRoles.Admin);

    public async Task<IActionResult> OnGetAsync(long id, bool resolved, CancellationToken ct)
    {
        if (await store.ConflictAsync(id, ct).ConfigureAwait(false) is not { } conflict)
        {
            return NotFound();
        }

        (Conflict, JustResolved) = (conflict, resolved && conflict.ResolvedOn is not null);
        return Page();
    }
}
