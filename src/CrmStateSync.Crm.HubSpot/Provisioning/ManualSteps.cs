using CrmStateSync.Crm.Contract;
using CrmStateSync.Crm.Schema;

namespace CrmStateSync.Crm.HubSpot.Provisioning;

/// <summary>What the properties API cannot fix, as the step an admin takes instead.</summary>
internal static class ManualSteps
{
    /// <summary>A missing custom, non-calculated property: the API creates it.</summary>
    public static bool IsCreatable(SchemaFinding problem) =>
        problem.Verdict == SchemaVerdict.Missing && problem.Expected.Custom && problem.Expected.Access != FieldAccess.Calculated;

    public static ProvisionStep ObjectMissing(SchemaFinding problem) => Manual(problem,
        $"the portal has no object type {problem.Expected.ObjectName}: create the custom object (Settings > Data Management > Objects, or POST /crm/v3/schemas), then run schema provision again");

    public static IEnumerable<ProvisionStep> For(SchemaFinding problem)
    {
        var field = problem.Expected;
        foreach (var unmapped in field.UnmappedValues)
        {
            yield return Manual(problem, $"add Crm:HubSpot:Mapping:Picklists:{field.PicklistName}:{unmapped} (the internal value for '{unmapped}') to the configuration");
        }

        var step = problem.Verdict switch
        {
            SchemaVerdict.Missing when field.Access == FieldAccess.Calculated => DaysInStage(field),
            SchemaVerdict.Missing => $"{field.Field} is a HubSpot standard property the portal should have: check Crm:HubSpot:Mapping",
            SchemaVerdict.WrongType => $"is {problem.FoundText}, the worker needs {problem.ExpectedText}: HubSpot does not change a property's type in place; archive it and run schema provision again, or map '{field.Key}' to another property",
            SchemaVerdict.ReadOnly => $"the app cannot update it (a HubSpot-owned or read-only property): map '{field.Key}' to a property the app may write",
            _ => null,
        };
        if (step is not null)
        {
            yield return Manual(problem, step);
        }
    }

    /// <summary>
    /// The API creates calculation_equation properties (calculationFormula), but HubSpot computes them when the record
    /// changes and its formula syntax has no documented "today": days since a date cannot be expressed, so the worker
    /// does not guess a formula.
    /// </summary>
    private static string DaysInStage(ExpectedField field) => field.Calculation is DaysInStageCalculation days
        ? $"create '{field.Label}' ({field.Field}) by hand as a calculated number: today minus the entry date of the stage {days.StageField} holds ("
          + string.Join(", ", days.Stages.Select(s => $"{s.StageValue} -> {s.EntryDateField}"))
          + "). HubSpot's formula syntax has no documented 'today' term, so the API cannot express it"
        : $"create '{field.Label}' ({field.Field}) by hand as a calculated number";

    private static ProvisionStep Manual(SchemaFinding problem, string detail) =>
        new(problem.Expected.ObjectName, problem.Expected.Field, ProvisionAction.Manual, ProvisionOutcome.Manual, detail);
}
