using CrmStateSync.Sandbox.Data;

namespace CrmStateSync.Sandbox.Salesforce;

/// <summary>A field's value as a query sees it: the system fields from the record's bookkeeping, the rest stored.</summary>
internal static class SoqlValues
{
    /// <summary>The Task status the sandbox treats as closed (its only closed value).</summary>
    public const string ClosedTaskStatus = "Completed";

    public static object? Of(SandboxRecord record, string field) => field switch
    {
        "Id" => record.Id,
        "IsDeleted" => record.Deleted,
        SoqlQuery.Stamp => record.ModifiedAt,
        "LastModifiedById" => record.ModifiedBy,
        "IsClosed" when !record.Fields.ContainsKey(field) => string.Equals(record["Status"] as string, ClosedTaskStatus, StringComparison.Ordinal),
        _ => record[field],
    };
}
