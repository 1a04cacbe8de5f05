using CrmStateSync.Crm.Schema;

namespace CrmStateSync.Crm.Salesforce.Metadata;

/// <summary>Salesforce formulas for the calculated fields of crm-schema.md.</summary>
internal static class Formulas
{
    /// <summary>
    /// Days in current stage: <c>CASE(stage, "Onboarding", TODAY() - Lifecycle_Onboarding_Entry_Date__c, …, NULL)</c>;
    /// time to value: <c>to − from</c> (blank while either date is blank, with blanks treated as blanks).
    /// </summary>
    public static string? For(FieldCalculation? calculation) => calculation switch
    {
        DaysInStageCalculation { Stages.Count: > 0 } days => $"CASE({days.StageField},\n"
            + string.Concat(days.Stages.Select(s => $"    \"{s.StageValue.Replace("\"", "\\\"", StringComparison.Ordinal)}\", TODAY() - {s.EntryDateField},\n"))
            + "    NULL)",
        DaysBetweenCalculation between => $"{between.ToField} - {between.FromField}",
        _ => null,
    };
}
