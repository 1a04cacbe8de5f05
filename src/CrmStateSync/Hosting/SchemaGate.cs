using CrmStateSync.Crm.Contract;
using CrmStateSync.Crm.Schema;

namespace CrmStateSync.Hosting;

/// <summary>
/// The schema check at the start of <c>sync</c> and <c>run</c>, once per process: a mismatched org is refused before
/// anything is written (exit <see cref="ExitCodes.SchemaMismatch"/>, every problem listed). A dry run writes nothing,
/// so it goes on after listing the problems: its plan shows what the worker would send.
/// </summary>
internal sealed class SchemaGate(ICrmConnector crm, IReadOnlyList<ExpectedField> expected)
{
    private SchemaReport? _report;

    /// <summary>Null to go on; otherwise the exit code.</summary>
    public async Task<int?> CheckAsync(bool dryRun, TextWriter error, CancellationToken cancellationToken)
    {
        _report ??= await SchemaDescriber.CheckAsync(crm, expected, cancellationToken).ConfigureAwait(false);
        if (_report.IsOk)
        {
            return null;
        }

        error.WriteLine($"The org's schema does not match the field mapping ({_report.Problems.Count} problem(s)); `schema check` lists them, `schema provision` creates what is missing:");
        foreach (var problem in _report.Problems)
        {
            error.WriteLine($"  - {problem.Expected.ObjectName}.{problem.Expected.Field} ({problem.Expected.Key}): {problem.Detail}; expected {problem.ExpectedText}, found {problem.FoundText}");
        }

        error.WriteLine(dryRun ? "Dry run: planning anyway; a real cycle would refuse to write." : "Nothing was written.");
        return dryRun ? null : ExitCodes.SchemaMismatch;
    }
}
