namespace CrmStateSync.Store.Internal;

/// <summary>The cache tables of records that hang off an account by <c>account_id</c> (fixed names, never input).</summary>
internal enum ChildTable
{
    Opportunities,
    Contacts,
}

internal static class ChildTableNames
{
    public static string Name(this ChildTable table) => table == ChildTable.Opportunities ? "opportunities" : "contacts";
}

/// <summary>An opportunity or contact as stored: id, account, modification time (ISO) and the record as JSON.</summary>
internal sealed record ChildRow(string Id, string AccountId, string ModifiedAt, string Json);
