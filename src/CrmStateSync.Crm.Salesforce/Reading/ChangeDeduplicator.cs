namespace CrmStateSync.Crm.Salesforce.Reading;

/// <summary>
/// Within one read, lets each (Id, SystemModstamp) through once. Rows arrive ordered by timestamp, so only the ids at
/// the latest timestamp need remembering: memory stays bounded by the largest tie, not by the org.
/// </summary>
internal sealed class ChangeDeduplicator
{
    private readonly HashSet<string> _idsAtLast = new(StringComparer.Ordinal);

    /// <summary>The timestamp of the last change let through (where a restarted query resumes).</summary>
    public DateTimeOffset? Last { get; private set; }

    /// <summary>True the first time this change is seen; false for a repeat (a restart, an overlapping page).</summary>
    public bool FirstSeen(string id, DateTimeOffset modifiedAt)
    {
        if (Last is { } last && modifiedAt < last)
        {
            return false;
        }

        if (Last != modifiedAt)
        {
            _idsAtLast.Clear();
            Last = modifiedAt;
        }

        return _idsAtLast.Add(id);
    }
}
