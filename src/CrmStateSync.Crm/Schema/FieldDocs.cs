using System.Globalization;
using CrmStateSync.Crm.Contract;

namespace CrmStateSync.Crm.Schema;

/// <summary>Labels for provisioned fields and the spec section behind each key (for the field reference).</summary>
internal static class FieldDocs
{
    /// <summary>A label from the field name: <c>Customer_Lifecycle_Stage__c</c> → <c>Customer Lifecycle Stage</c>,
    /// <c>cs_at_risk_entry_date</c> → <c>CS At Risk Entry Date</c>.</summary>
    public static string Label(string field)
    {
        var name = field.EndsWith("__c", StringComparison.Ordinal) ? field[..^3] : field;
        var words = name.Split('_', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Equals("cs", StringComparison.OrdinalIgnoreCase) ? "CS" : char.ToUpper(w[0], CultureInfo.InvariantCulture) + w[1..]);
        return string.Join(' ', words);
    }

    /// <summary>The section of the spec that drives a key.</summary>
    public static string Source(string key, FieldAccess access) => key switch
    {
        ManagedField.Stage or ManagedField.StageReason => "rules.md §3 stage",
        ManagedField.OverrideReason => "rules.md §3 manual moves",
        ManagedField.TimeToValueDays or DaysInStage => "rules.md §3 derived numbers",
        ManagedField.Divergence => "rules.md §6 divergence",
        _ when key.StartsWith("stageEntryDate:", StringComparison.Ordinal) => "rules.md §3 entry dates",
        _ when key.StartsWith("state", StringComparison.Ordinal) => "rules.md §4 states",
        _ when access == FieldAccess.Written => "rules.md §5 milestones",
        "modifiedAt" or "lastModifiedBy" or "id" => "sync.md incremental pull",
        _ => "rules.md §1 canonical input",
    };

    private const string DaysInStage = "daysInCurrentStage";
}
