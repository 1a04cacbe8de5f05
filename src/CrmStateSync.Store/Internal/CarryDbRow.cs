using CrmStateSync.Store.Retention;

namespace CrmStateSync.Store.Internal;

/// <summary>A <see cref="UsageCarry"/> as stored in <c>usage_carry</c>.</summary>
internal sealed class CarryDbRow
{
    public const string Columns =
        "account_id AS AccountId, earliest_date AS EarliestDate, first_active_on AS FirstActiveOn, value_actions AS ValueActions, " +
        "core_events AS CoreEvents, metrics_json AS MetricsJson, pruned_through AS PrunedThrough, rows_pruned AS RowsPruned";

    public string AccountId { get; set; } = "";
    public string EarliestDate { get; set; } = "";
    public string? FirstActiveOn { get; set; }
    public int ValueActions { get; set; }
    public int CoreEvents { get; set; }
    public string MetricsJson { get; set; } = "{}";
    public string PrunedThrough { get; set; } = "";
    public int RowsPruned { get; set; }

    public static CarryDbRow From(string accountId, UsageCarry carry) => new()
    {
        AccountId = accountId,
        EarliestDate = Iso.Date(carry.EarliestDate),
        FirstActiveOn = Iso.Date(carry.FirstActiveOn),
        ValueActions = carry.ValueActions,
        CoreEvents = carry.CoreEvents,
        MetricsJson = StoreJson.Write(carry.Metrics),
        PrunedThrough = Iso.Date(carry.PrunedThrough),
        RowsPruned = carry.RowsPruned,
    };

    public UsageCarry ToCarry() => new(
        Iso.ParseDate(EarliestDate),
        Iso.ParseDateOrNull(FirstActiveOn),
        ValueActions,
        CoreEvents,
        StoreJson.Read<Dictionary<string, double>>(MetricsJson),
        Iso.ParseDate(PrunedThrough),
        RowsPruned);
}
