namespace CrmStateSync.Snapshots;

/// <summary>A problem with one account's input: which account, where in the JSON, and what is wrong.</summary>
/// <param name="Account">The account id, or <c>#index</c> when the id itself is missing.</param>
/// <param name="Path">The JSON path, e.g. <c>$.accounts[3].opportunities[0].closeDate</c>.</param>
/// <param name="Message">What is wrong and what was expected.</param>
public sealed record InputProblem(string Account, string Path, string Message)
{
    public override string ToString() => $"account {Account}: {Path}: {Message}";
}
