using CrmStateSync.Crm.Contract;
using CrmStateSync.Rules.Model;
using CrmStateSync.Sync.Ports;

namespace CrmStateSync.Store.Tests;

/// <summary>Object mother: records with only what a test cares about.</summary>
internal static class Some
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset At(int minutes) => T0.AddMinutes(minutes);

    public static DateOnly Day(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    public static AccountRecord Account(string id, string? name = null, ManagedValues? managed = null) =>
        new(new AccountSnapshot { Id = id, Name = name ?? "Acme " + id, Segment = "SMB", Managed = managed ?? ManagedValues.Empty });

    public static OpportunityRecord Opportunity(string id, string accountId, DateOnly? closeDate = null) =>
        new(accountId, new Opportunity
        {
            Id = id,
            IsClosed = true,
            IsWon = true,
            CloseDate = closeDate ?? Day("2025-01-01"),
            Type = OpportunityType.NewBusiness,
            ContractStart = closeDate ?? Day("2025-01-01"),
        });

    public static ContactRecord Contact(string id, string accountId) =>
        new(accountId, new Contact { Id = id, Function = "Finance", Role = ContactRole.Champion, LastActiveOn = Day("2026-02-20") });

    public static UsageRecord Usage(string id, string accountId, DateOnly date, int activeUsers = 1, int valueActions = 0, int coreEvents = 0, double? projects = null) =>
        new(id, accountId, new UsageRow
        {
            Date = date,
            ActiveUsers = activeUsers,
            ValueActions = valueActions,
            CoreEvents = coreEvents,
            Metrics = projects is { } p ? new Dictionary<string, double> { ["projects_created"] = p } : new Dictionary<string, double>(),
        });

    /// <summary>A task reservation as the engine makes it; only the account and kind matter unless a test says otherwise.</summary>
    public static TaskReservation Reservation(string accountId, InterventionKind kind) => new(accountId, kind, null, "why", new DateOnly(2026, 3, 16));
}
