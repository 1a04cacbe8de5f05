using CrmStateSync.Rules.Model;

namespace CrmStateSync.Store.Internal;

/// <summary>A usage row as stored (in <c>usage</c> or <c>usage_orphans</c>).</summary>
internal sealed class UsageDbRow
{
    public const string Columns =
        "id AS Id, account_id AS AccountId, date AS Date, modified_at AS ModifiedAt, active_users AS ActiveUsers, " +
        "value_actions AS ValueActions, core_events AS CoreEvents, metrics_json AS MetricsJson";

    public string Id { get; set; } = "";
    public string AccountId { get; set; } = "";
    public string Date { get; set; } = "";
    public string ModifiedAt { get; set; } = "";
    public int ActiveUsers { get; set; }
    public int ValueActions { get; set; }
    public int CoreEvents { get; set; }
    public string MetricsJson { get; set; } = "{}";
    public string? ReceivedAt { get; set; }

    public static UsageDbRow From(string id, string accountId, UsageRow usage, DateTimeOffset modifiedAt) => new()
    {
        Id = id,
        AccountId = accountId,
        Date = Iso.Date(usage.Date),
        ModifiedAt = Iso.Instant(modifiedAt),
        ActiveUsers = usage.ActiveUsers,
        ValueActions = usage.ValueActions,
        CoreEvents = usage.CoreEvents,
        MetricsJson = StoreJson.Write(usage.Metrics),
    };

    public UsageRow ToUsage() => new()
    {
        Date = Iso.ParseDate(Date),
        ActiveUsers = ActiveUsers,
        ValueActions = ValueActions,
        CoreEvents = CoreEvents,
        Metrics = StoreJson.Read<Dictionary<string, double>>(MetricsJson),
    };
}
