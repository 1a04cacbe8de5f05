namespace CrmStateSync.Sandbox.Data;

/// <summary>
/// One stored CRM record, immutable: an update replaces it. Field values are in CRM field names and are
/// <see cref="string"/>, <see cref="bool"/>, <see cref="double"/>, <see cref="DateOnly"/> or null; each API renders
/// them its own way (Salesforce JSON types, HubSpot strings).
/// </summary>
/// <param name="Id">The CRM id.</param>
/// <param name="ModifiedAt">The change stamp (<c>SystemModstamp</c> / <c>hs_lastmodifieddate</c>), millisecond precision.</param>
/// <param name="ModifiedBy">The user who changed it last.</param>
/// <param name="Deleted">Deleted or merged away (Salesforce <c>queryAll</c>, HubSpot <c>archived=true</c>).</param>
/// <param name="Fields">Field name → value.</param>
public sealed record SandboxRecord(string Id, DateTimeOffset ModifiedAt, string? ModifiedBy, bool Deleted, IReadOnlyDictionary<string, object?> Fields)
{
    /// <summary>The value of <paramref name="field"/>, or null when absent.</summary>
    public object? this[string field] => Fields.GetValueOrDefault(field);

    /// <summary>A stamp truncated to the millisecond, as both CRMs report it.</summary>
    public static DateTimeOffset Stamp(DateTimeOffset at) =>
        new(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
}
