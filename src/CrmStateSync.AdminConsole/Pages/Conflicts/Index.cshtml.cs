using System.Globalization;
using CrmStateSync.Store;
using CrmStateSync.Store.ReadModel;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CrmStateSync.AdminConsole.Pages.Conflicts;

/// <summary>The conflict log, newest first, filtered (open, field, account, detected on or after), <see cref="PageSize"/> a page by id.</summary>
public sealed class IndexModel(StoreReader store) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public bool Open { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Field { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Account { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? Since { get; set; }

    public IReadOnlyList<string> Fields { get; private set; } = [];

    public Page<ConflictEntry> Conflicts { get; private set; } = null!;

    /// <summary>Why the date filter was left out: what was typed is not a date (the list is shown unfiltered by date).</summary>
    public string? SinceError { get; private set; }

    public async Task OnGetAsync(long? before, CancellationToken ct)
    {
        if (ModelState.TryGetValue(nameof(Since), out var since) && since.Errors.Count > 0)
        {
            SinceError = $"“{since.AttemptedValue}” is not a date (YYYY-MM-DD): the list is not filtered by date.";
        }

        Fields = await store.ConflictFieldsAsync(ct).ConfigureAwait(false);
        Conflicts = await store.ConflictsAsync(new ConflictQuery(Open, Field, Account, Since), before, PageSize, ct).ConfigureAwait(false);
    }

    /// <summary>The next (older) page's address with the same filters; null on the last page.</summary>
    public string? OlderUrl()
    {
        if (!Conflicts.HasMore)
        {
            return null;
        }

        var query = new List<KeyValuePair<string, string?>>();
        if (Open)
        {
            query.Add(new("open", "true"));
        }

        if (Field is { Length: > 0 })
        {
            query.Add(new("field", Field));
        }

        if (Account is { Length: > 0 })
        {
            query.Add(new("account", Account));
        }

        if (Since is { } since)
        {
            query.Add(new("since", since.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        query.Add(new("before", Conflicts.Items[^1].Id.ToString(CultureInfo.InvariantCulture)));
        return "/conflicts" + QueryString.Create(query).ToUriComponent();
    }
}
