using CrmStateSync.AdminConsole.Hosting;
using CrmStateSync.Crm.Contract;
using CrmStateSync.Rules.Model;
using CrmStateSync.Rules.States;
using CrmStateSync.Store.ReadModel;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CrmStateSync.AdminConsole.Pages;

/// <summary>
/// One account's "why": its stage and since when (the entry dates), the six states with their verified-on dates,
/// milestones, divergence and the stage's reason — all as the CRM shows them — then who moved it when (the transitions,
/// a Manual one being a person's edit), its conflicts, problems and intervention tasks, and what the worker last wrote.
/// </summary>
public sealed class AccountModel(StoreReader store, ConsoleSite site, TimeProvider clock) : PageModel
{
    public string Id { get; private set; } = "";

    /// <summary>Null when the store holds no account with this id (the page answers 404).</summary>
    public AccountDetail? Account { get; private set; }

    /// <summary>The record in the CRM, when its address is known for this provider.</summary>
    public string? RecordUrl { get; private set; }

    public async Task OnGetAsync(string id, CancellationToken ct)
    {
        Id = id;
        Account = await store.AccountAsync(id, ct).ConfigureAwait(false);
        if (Account is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        RecordUrl = site.RecordUrl(id);
        Computed = await StateReasons.ComputeAsync(site, id, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct).ConfigureAwait(false);
    }

    /// <summary>The six states as the worker's rules compute them today from the cached inputs (for their reasons); null without inputs.</summary>
    public IReadOnlyList<StateOutcome>? Computed { get; private set; }

    /// <summary>What the CRM holds for a managed key, or null.</summary>
    public string? Crm(string key) => Account?.ManagedText.GetValueOrDefault(key) is { Length: > 0 } text ? text : null;

    public string? Stage => Crm(ManagedField.Stage);

    /// <summary>The entry date of the current stage: since when the account is in it.</summary>
    public string? StageSince => Stage is { } stage ? Crm(ManagedField.StageEntryDate(stage)) : null;

    /// <summary>Every stage's entry date the CRM holds, oldest first.</summary>
    public IReadOnlyList<(string Stage, string On)> EntryDates =>
        [.. Keyed("stageEntryDate:").Select(e => (e.Suffix, e.Value)).OrderBy(e => e.Value, StringComparer.Ordinal)];

    /// <summary>
    /// The six states in table order: label, value and verified-on date as the CRM shows them, the rules' reason today, and
    /// the value the rules compute today when it differs from the CRM's (a write pending, or a person's edit).
    /// </summary>
    public IReadOnlyList<(string Label, string? Value, string? VerifiedOn, string? Reason, string? ComputedValue)> States =>
        [.. CsStates.All.Select(s =>
        {
            var value = Crm(ManagedField.State(s));
            var computed = Computed?[(int)s];
            var differs = computed is { } c && c.Value.ToString() != value;
            return (s.Label(), value, Crm(ManagedField.StateVerified(s)), computed?.Reason.ToString(), differs ? computed!.Value.Value.ToString() : null);
        })];

    /// <summary>The milestone fields (completed count, next, stalled, since) that the CRM holds, with their labels.</summary>
    public IReadOnlyList<(string Label, string Value)> MilestoneFacts =>
        [.. new[] { ManagedField.MilestonesCompleted, ManagedField.NextMilestone, ManagedField.MilestoneStalled, ManagedField.MilestoneStalledSince }
            .Where(k => Crm(k) is not null).Select(k => (FieldLabels.Of(k), Crm(k)!))];

    /// <summary>Each mapped milestone's completion date, in date order.</summary>
    public IReadOnlyList<(string Milestone, string On)> Milestones =>
        [.. Keyed("milestone:").Select(e => (e.Suffix, e.Value)).OrderBy(e => e.Value, StringComparer.Ordinal)];

    /// <summary>The stylesheet class of a transition's source, so a person's move stands out from the rules'.</summary>
    public static string SourceClass(string source) => source.ToUpperInvariant() switch
    {
        "MANUAL" => "tag manual",
        "BACKFILL" => "tag backfill",
        _ => "tag automated",
    };

    private IEnumerable<(string Suffix, string Value)> Keyed(string prefix) =>
        (Account?.ManagedText ?? new Dictionary<string, string?>())
            .Where(e => e.Key.StartsWith(prefix, StringComparison.Ordinal) && e.Value is { Length: > 0 })
            .Select(e => (e.Key[prefix.Length..], e.Value!));
}
