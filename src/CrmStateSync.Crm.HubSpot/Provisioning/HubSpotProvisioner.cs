using CrmStateSync.Crm.Contract;
using CrmStateSync.Crm.HubSpot.Api;
using CrmStateSync.Crm.HubSpot.Http;
using CrmStateSync.Crm.Schema;

namespace CrmStateSync.Crm.HubSpot.Provisioning;

/// <summary>
/// Provisions a portal through the properties API: the <c>crmstatesync</c> group, each missing custom property, and
/// missing enumeration options (PATCH, the full list). The rest is a manual step (see <see cref="ManualSteps"/>).
/// </summary>
internal sealed class HubSpotProvisioner(IHubSpotApi api, HubSpotPaths paths) : ISchemaProvisioner
{
    public async Task<IReadOnlyList<ProvisionStep>> ProvisionAsync(SchemaReport report, bool dryRun, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var steps = new List<ProvisionStep>();
        foreach (var problems in report.Problems.GroupBy(p => p.Expected.ObjectName, StringComparer.Ordinal))
        {
            steps.AddRange(await ProvisionTypeAsync(problems.Key, [.. problems], dryRun, cancellationToken).ConfigureAwait(false));
        }

        return steps;
    }

    private async Task<List<ProvisionStep>> ProvisionTypeAsync(string type, List<SchemaFinding> problems, bool dryRun, CancellationToken ct)
    {
        var steps = new List<ProvisionStep>();
        if (problems.Any(ManualSteps.IsCreatable))
        {
            if (await GroupStepAsync(type, dryRun, ct).ConfigureAwait(false) is not { } group)
            {
                return [.. problems.Select(ManualSteps.ObjectMissing)];
            }

            steps.AddRange(group);
        }

        foreach (var problem in problems)
        {
            steps.AddRange(await StepsAsync(type, problem, dryRun, ct).ConfigureAwait(false));
        }

        return steps;
    }

    /// <summary>The group step (none when it exists); null when the portal has no such object type.</summary>
    private async Task<List<ProvisionStep>?> GroupStepAsync(string type, bool dryRun, CancellationToken ct)
    {
        PropertyGroupList groups;
        try
        {
            groups = await HubSpotCalls.SendAsync($"property groups of {type}", () => api.GetPropertyGroupsAsync(paths.PropertyGroups(type), ct)).ConfigureAwait(false);
        }
        catch (CrmException ex) when (ex.HttpStatus == 404)
        {
            return null;
        }

        if ((groups.Results ?? []).Any(g => g.Name == PropertyDefinitions.GroupName))
        {
            return [];
        }

        var request = new CreateGroupRequest(PropertyDefinitions.GroupName, PropertyDefinitions.GroupLabel, -1);
        return [await RunAsync(type, PropertyDefinitions.GroupName, ProvisionAction.CreateGroup, "property group for the worker's properties", dryRun,
            () => HubSpotCalls.SendAsync($"create group on {type}", () => api.CreatePropertyGroupAsync(paths.PropertyGroups(type), request, ct))).ConfigureAwait(false)];
    }

    private async Task<IEnumerable<ProvisionStep>> StepsAsync(string type, SchemaFinding problem, bool dryRun, CancellationToken ct)
    {
        var field = problem.Expected;
        if (ManualSteps.IsCreatable(problem))
        {
            var request = PropertyDefinitions.For(field);
            var detail = $"{request.Type}/{request.FieldType}{(request.Options is { } o ? $" ({string.Join(", ", o.Select(x => x.Value))})" : "")}";
            return [await RunAsync(type, field.Field, ProvisionAction.CreateField, detail, dryRun,
                () => HubSpotCalls.SendAsync($"create property {field.Field}", () => api.CreatePropertyAsync(paths.Properties(type), request, ct))).ConfigureAwait(false)];
        }

        var missing = problem.MissingValues.Where(v => field.Values.Any(x => x.Value == v)).ToList();
        if (problem.Verdict != SchemaVerdict.MissingValues || missing.Count == 0)
        {
            return ManualSteps.For(problem);
        }

        var update = PropertyDefinitions.WithValues(problem.Found?.Options ?? [], field, missing);
        var added = await RunAsync(type, field.Field, ProvisionAction.AddValues, string.Join(", ", missing), dryRun,
            () => HubSpotCalls.SendAsync($"add options to {field.Field}", () => api.UpdatePropertyAsync(paths.Property(type, field.Field), update, ct))).ConfigureAwait(false);
        return [added, .. ManualSteps.For(problem)];
    }

    /// <summary>Runs a change (or plans it, dry); a refusal by HubSpot is a failed step with its answer, an outage or auth failure ends provisioning.</summary>
    private static async Task<ProvisionStep> RunAsync<T>(string type, string name, ProvisionAction action, string detail, bool dryRun, Func<Task<T>> call)
    {
        if (dryRun)
        {
            return new ProvisionStep(type, name, action, ProvisionOutcome.Planned, detail);
        }

        try
        {
            await call().ConfigureAwait(false);
            return new ProvisionStep(type, name, action, ProvisionOutcome.Done, detail);
        }
        catch (CrmException ex) when (ex is not (CrmAuthenticationException or CrmUnavailableException or CrmBudgetExhaustedException))
        {
            // 409: it exists already (a retried create, a concurrent admin): the goal is reached.
            return ex.HttpStatus == 409
                ? new ProvisionStep(type, name, action, ProvisionOutcome.Done, detail + " (already there)")
                : new ProvisionStep(type, name, action, ProvisionOutcome.Failed, $"{detail}: HubSpot refused ({ex.CrmCode}, HTTP {ex.HttpStatus}): {ex.Message}");
        }
    }
}
