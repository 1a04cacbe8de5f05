using CrmStateSync.Rules.Model;

namespace CrmStateSync.Snapshots;

/// <summary>One thing read from an input file, in file order: an account to evaluate, or a problem with the input.</summary>
/// <param name="Account">A well-formed account, or null when this is a problem.</param>
/// <param name="Problem">What is wrong with an account or the file, or null when this is an account.</param>
public sealed record SnapshotRead(AccountSnapshot? Account, InputProblem? Problem);
