using CrmStateSync.Crm.Schema;

namespace CrmStateSync.Crm.Contract;

/// <summary>
/// Creates, through the CRM's API, what a schema check found missing (HubSpot: property groups, properties, missing
/// enumeration options). What the API cannot do — a field of the wrong type, a custom object, a calculated property it
/// cannot express — comes back as a manual step, never silently skipped.
/// </summary>
public interface ISchemaProvisioner
{
    /// <param name="report">The schema check of the org.</param>
    /// <param name="dryRun">Plan only: call nothing that changes the org.</param>
    /// <param name="cancellationToken">Stops provisioning between calls.</param>
    Task<IReadOnlyList<ProvisionStep>> ProvisionAsync(SchemaReport report, bool dryRun, CancellationToken cancellationToken);
}

/// <summary>What a provisioning step does.</summary>
public enum ProvisionAction
{
    CreateGroup,
    CreateField,
    AddValues,

    /// <summary>Something an admin has to do by hand (<see cref="ProvisionStep.Detail"/> says what).</summary>
    Manual,
}

/// <summary>How a step ended.</summary>
public enum ProvisionOutcome
{
    Done,

    /// <summary>Dry run: would be done.</summary>
    Planned,

    /// <summary>Left to an admin.</summary>
    Manual,

    /// <summary>The CRM refused it (<see cref="ProvisionStep.Detail"/> has its answer).</summary>
    Failed,
}

/// <summary>One step of provisioning: on which object and field, what, and how it ended.</summary>
public sealed record ProvisionStep(string ObjectName, string Field, ProvisionAction Action, ProvisionOutcome Outcome, string Detail)
{
    public override string ToString() => $"{Outcome.ToString().ToLowerInvariant(),-8} {Action,-11} {ObjectName}.{Field}: {Detail}";
}
