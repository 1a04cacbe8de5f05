using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CrmStateSync.Crm.Contract;
using CrmStateSync.Crm.Schema;
using CrmStateSync.Store;
using Microsoft.Extensions.Logging;

namespace CrmStateSync.Hosting;

/// <summary>
/// The schema check before the first write: a mismatched org is refused before anything is written (exit
/// <see cref="ExitCodes.SchemaMismatch"/>, every problem listed). A dry run writes nothing, so it goes on after listing
/// the problems: its plan shows what the worker would send. The check costs a token and a describe per object, so
/// <c>run</c> checks once per process and <c>sync --once</c> (a cron tick) at most once a day: a passing check is
/// remembered in the store with the day and a fingerprint of the fields the configuration expects, and any change to
/// that configuration (mapping, rules' picklist values, provider) checks again before the next write.
/// </summary>
internal sealed partial class SchemaGate(ICrmConnector crm, IReadOnlyList<ExpectedField> expected, string provider, SqliteSyncStore store, TimeProvider clock, ILogger<SchemaGate> logger,
    bool readOnly = false)
{
    /// <summary>The <c>worker_state</c> key of the last passing check: "fingerprint yyyy-MM-dd".</summary>
    internal const string PassedKey = "schema.lastPassed";

    private SchemaReport? _report;

    /// <summary>
    /// Null to go on; otherwise the exit code. <paramref name="reuseToday"/>: a check that passed today with the same
    /// expected fields (remembered in the store) stands, and the CRM is not asked again. A dry-run composition
    /// (<c>readOnly</c>) plans anyway: a mismatch is listed, and null returned.
    /// </summary>
    public async Task<int?> CheckAsync(TextWriter error, CancellationToken cancellationToken, bool reuseToday = false)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (_report is null && reuseToday && await store.GetStateAsync(PassedKey, cancellationToken).ConfigureAwait(false) == Remembered(today))
        {
            LogReused(logger, today);
            return null;
        }

        _report ??= await SchemaDescriber.CheckAsync(crm, expected, cancellationToken).ConfigureAwait(false);
        if (_report.IsOk)
        {
            await store.SetStateAsync(PassedKey, Remembered(today), cancellationToken).ConfigureAwait(false);
            return null;
        }

        error.WriteLine($"The org's schema does not match the field mapping ({_report.Problems.Count} problem(s)); `schema check` lists them, `schema provision` creates what is missing:");
        foreach (var problem in _report.Problems)
        {
            error.WriteLine($"  - {problem.Expected.ObjectName}.{problem.Expected.Field} ({problem.Expected.Key}): {problem.Detail}; expected {problem.ExpectedText}, found {problem.FoundText}");
        }

        error.WriteLine(readOnly ? "Dry run: planning anyway; a real cycle would refuse to write." : "Nothing was written.");
        return readOnly ? null : ExitCodes.SchemaMismatch;
    }

    private string Remembered(DateOnly day) => $"{Fingerprint()} {day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    /// <summary>What the check depends on: the provider and every expected field with its type, access and picklist values.</summary>
    private string Fingerprint()
    {
        var text = provider + "\n" + JsonSerializer.Serialize(expected);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16].ToLowerInvariant();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Schema check: passed on {Day} for this configuration; not asked again today")]
    private static partial void LogReused(ILogger logger, DateOnly day);
}
