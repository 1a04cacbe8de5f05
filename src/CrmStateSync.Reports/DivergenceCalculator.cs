using CrmStateSync.Rules.Model;

namespace CrmStateSync.Reports;

/// <summary>Computes <see cref="DivergenceReport"/> from the divergence text and state values the worker last wrote.</summary>
public static class DivergenceCalculator
{
    public const string HiddenRisk = "Hidden risk";
    public const string AheadOfStage = "Ahead of stage";

    public static DivergenceReport Compute(ReportInput input, int limit = DivergenceReport.DefaultLimit)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        var diverging = input.Accounts
            .Select(a => (Account: a, Text: input.LastWritten(a.Id, Crm.Contract.ManagedField.Divergence)))
            .Where(d => !string.IsNullOrWhiteSpace(d.Text))
            .Select(d => Describe(input, d.Account, d.Text!))
            .OrderBy(d => d.Kind == HiddenRisk ? 0 : d.Kind == AheadOfStage ? 1 : 2)
            .ThenByDescending(d => d.StatesNotHit)
            .ThenByDescending(d => d.StatesReset)
            .ThenBy(d => d.RenewalInDays ?? int.MaxValue)
            .ThenBy(d => d.AccountId, StringComparer.Ordinal)
            .ToList();
        return new DivergenceReport(input.AsOf, diverging.Count, [.. diverging.Take(limit).Select((d, i) => d with { Rank = i + 1 })]);
    }

    private static DivergentAccount Describe(ReportInput input, Store.ReportAccount account, string text)
    {
        var states = CsStates.All.Select(s => input.LastWritten(account.Id, Crm.Contract.ManagedField.State(s))).ToList();
        var renewal = input.RenewalOn.TryGetValue(account.Id, out var on) ? on : (DateOnly?)null;
        return new DivergentAccount(
            0,
            account.Id,
            account.Name,
            input.SegmentOf(account.Id),
            input.History.Current(account.Id)?.Stage,
            text.StartsWith(HiddenRisk, StringComparison.Ordinal) ? HiddenRisk : text.StartsWith(AheadOfStage, StringComparison.Ordinal) ? AheadOfStage : "Other",
            text,
            states.Count(v => v is not null && v != nameof(StateValue.Hit)),
            states.Count(v => v == nameof(StateValue.Reset)),
            renewal,
            renewal is { } r ? r.DayNumber - input.AsOf.DayNumber : null);
    }
}
