namespace CrmStateSync.Reports;

/// <summary>
/// Which reports to render (<c>report all</c> fills every one) and where the data came from. The header of every
/// format names the org, the provider and the as-of date, so a printed page says what it describes.
/// </summary>
public sealed record ReportSet(
    string OrgId,
    string Provider,
    DateOnly AsOf,
    VelocityReport? Velocity = null,
    DistributionReport? Distribution = null,
    DivergenceReport? Divergence = null,
    RunsReport? Runs = null,
    ConflictsReport? Conflicts = null);
