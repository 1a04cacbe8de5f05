namespace CrmStateSync.Rules.Model;

/// <summary>An opportunity / deal. Subscriptions come from won NewBusiness and Renewal opportunities.</summary>
public sealed record Opportunity
{
    public required string Id { get; init; }
    public bool IsClosed { get; init; }
    public bool IsWon { get; init; }
    public DateOnly? CloseDate { get; init; }
    public OpportunityType? Type { get; init; }
    public DateOnly? ContractStart { get; init; }

    /// <summary>Null means open-ended.</summary>
    public DateOnly? ContractEnd { get; init; }
}

/// <summary>A contact on the account's side.</summary>
public sealed record Contact
{
    public required string Id { get; init; }

    /// <summary>The business function (Finance, Operations …); null adds no function to Multi-Stakeholder Engagement.</summary>
    public string? Function { get; init; }

    public ContactRole? Role { get; init; }
    public DateOnly? LastActiveOn { get; init; }
    public DateOnly? LastEngagedOn { get; init; }
    public DateOnly? DepartedOn { get; init; }
}

/// <summary>One usage row (a day or a week); a weekly row's active users are read as a daily figure.</summary>
public sealed record UsageRow
{
    public required DateOnly Date { get; init; }
    public int ActiveUsers { get; init; }
    public int ValueActions { get; init; }
    public int CoreEvents { get; init; }

    /// <summary>Named metrics (for example <c>projects_created</c>).</summary>
    public IReadOnlyDictionary<string, double> Metrics { get; init; } = EmptyMetrics;

    internal static readonly IReadOnlyDictionary<string, double> EmptyMetrics = new Dictionary<string, double>();
}

/// <summary>What the worker itself last wrote to the stage field (the store supplies it).</summary>
public sealed record LastWritten
{
    public string? Stage { get; init; }
    public StageSource StageSource { get; init; }
    public DateOnly? StageSetOn { get; init; }
}
