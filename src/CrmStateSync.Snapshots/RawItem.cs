namespace CrmStateSync.Snapshots;

/// <summary>
/// One thing as the file reader found it, before mapping: an account's JSON (a document's array element or a line)
/// with where it stood, or a problem the read itself met (bad syntax, a bad <c>asOf</c>, an empty file).
/// </summary>
/// <param name="Json">The account's bytes; from a reader, valid only until its next item.</param>
/// <param name="Path">The JSON path (<c>$.accounts[3]</c>) or line (<c>line 4</c>).</param>
/// <param name="Index">The account's index in the array, or the line's index.</param>
/// <param name="IsLine">True for a JSON Lines line: not yet checked as JSON, so its syntax error is its own problem.</param>
/// <param name="Problem">The read's problem, when this is not an account.</param>
/// <param name="Snapshot">The account, when the reader's direct mapping already took it (no problem to report).</param>
internal sealed record RawItem(ReadOnlyMemory<byte> Json, string Path, int Index, bool IsLine, InputProblem? Problem = null, Rules.Model.AccountSnapshot? Snapshot = null)
{
    public static RawItem Of(InputProblem problem) => new(ReadOnlyMemory<byte>.Empty, problem.Path, 0, false, problem);
}
