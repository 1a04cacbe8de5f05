using System.Collections.Concurrent;
using CrmStateSync.Sandbox.Data;

namespace CrmStateSync.Sandbox.Salesforce;

/// <summary>
/// One Bulk API 2.0 query job: its query, the snapshot of matching rows taken when it was created, and its state
/// (<c>UploadComplete</c> → <c>InProgress</c> for <see cref="SandboxOptions.SalesforceBulkPollsBeforeComplete"/> polls →
/// <c>JobComplete</c>; or <c>Aborted</c>).
/// </summary>
internal sealed class BulkJob(string id, string operation, SoqlQuery query, IReadOnlyList<SandboxRecord> rows, string lineEnding, DateTimeOffset created)
{
    private readonly Lock _lock = new();
    private int _polls;

    public string Id { get; } = id;

    public string Operation { get; } = operation;

    public SoqlQuery Query { get; } = query;

    public IReadOnlyList<SandboxRecord> Rows { get; } = rows;

    public string LineEnding { get; } = lineEnding;

    public DateTimeOffset Created { get; } = created;

    public string State { get; private set; } = "UploadComplete";

    /// <summary>One status poll: the state it answers, advanced toward <c>JobComplete</c>.</summary>
    public string Poll(int pollsBeforeComplete)
    {
        lock (_lock)
        {
            if (State is "UploadComplete" or "InProgress")
            {
                State = ++_polls > pollsBeforeComplete ? "JobComplete" : "InProgress";
            }

            return State;
        }
    }

    /// <summary>Aborts a running job; false when it has already ended.</summary>
    public bool Abort()
    {
        lock (_lock)
        {
            if (State is not ("UploadComplete" or "InProgress"))
            {
                return false;
            }

            State = "Aborted";
            return true;
        }
    }
}

/// <summary>The org's query jobs by id. Deleting them all is what expiry (or an admin) does to results still being read.</summary>
internal sealed class BulkJobs
{
    private readonly ConcurrentDictionary<string, BulkJob> _jobs = new(StringComparer.Ordinal);
    private long _created;

    public long Created => Interlocked.Read(ref _created);

    public string NextId() => "750SBX" + Interlocked.Increment(ref _created).ToString("D12", System.Globalization.CultureInfo.InvariantCulture);

    public void Add(BulkJob job) => _jobs[job.Id] = job;

    public BulkJob? Find(string id) => _jobs.GetValueOrDefault(id);

    public void Clear() => _jobs.Clear();
}
