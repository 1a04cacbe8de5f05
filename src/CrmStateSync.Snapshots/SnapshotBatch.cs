using CrmStateSync.Rules.Model;

namespace CrmStateSync.Snapshots;

/// <summary>The accounts read from an input file, the file's as-of date if it names one, and every problem met.</summary>
public sealed record SnapshotBatch(DateOnly? AsOf, IReadOnlyList<AccountSnapshot> Accounts, IReadOnlyList<InputProblem> Problems);
