using CrmStateSync.Crm.Contract;
using CrmStateSync.Rules.Model;

namespace CrmStateSync.Store.Internal;

/// <summary>A write-journal entry as stored, joined with its batch's creation time.</summary>
internal sealed class EntryDbRow
{
    public const string Columns =
        "e.id AS Id, e.batch_id AS BatchId, e.account_id AS AccountId, e.values_json AS ValuesJson, e.stage_json AS StageJson, " +
        "e.status AS Status, e.transient AS Transient, e.errors_json AS ErrorsJson, b.created_at AS CreatedAt, e.completed_at AS CompletedAt";

    public long Id { get; set; }
    public long BatchId { get; set; }
    public string AccountId { get; set; } = "";
    public string ValuesJson { get; set; } = "{}";
    public string? StageJson { get; set; }
    public string Status { get; set; } = "";
    public bool Transient { get; set; }
    public string? ErrorsJson { get; set; }
    public string CreatedAt { get; set; } = "";
    public string? CompletedAt { get; set; }

    public JournalEntry ToEntry() => new(
        Id,
        BatchId,
        AccountId,
        StoreJson.Read<Dictionary<string, string?>>(ValuesJson),
        StageJson is null ? null : StoreJson.Read<LastWritten>(StageJson),
        Enum.Parse<JournalStatus>(Status),
        Transient,
        ErrorsJson is null ? [] : StoreJson.Read<List<CrmError>>(ErrorsJson),
        Iso.ParseInstant(CreatedAt),
        Iso.ParseInstantOrNull(CompletedAt));
}
