using CrmStateSync.Hosting;
using CrmStateSync.Reports;
using CrmStateSync.Rules.Configuration;
using CrmStateSync.Store;

namespace CrmStateSync.Commands;

/// <summary>
/// Where a report's data comes from: <c>--database</c>, else <c>Worker:DatabasePath</c> of the configuration; the stage
/// model from <c>Rules:StageModel</c> (the defaults without one). The file is opened read-only: a report never creates,
/// migrates or writes it. A configured file must belong to the configured org; a file named by <c>--database</c> may be any.
/// </summary>
internal static class ReportSource
{
    public sealed record Opened(SqliteSyncStore Store, ReportStageModel Model);

    /// <summary>Opens the store, or writes why not and returns the exit code.</summary>
    public static async Task<(Opened? Source, int ExitCode)> OpenAsync(FileInfo? config, FileInfo? database, TextWriter error, CancellationToken ct)
    {
        if (config is { Exists: false })
        {
            return (null, Fail(error, $"The configuration file {config.FullName} does not exist."));
        }

        var configuration = WorkerConfiguration.Load(config?.FullName);
        var problems = new List<string>();
        var worker = WorkerConfiguration.Bind<WorkerOptions>(configuration.GetSection(WorkerOptions.Section), problems);
        var stageModel = WorkerConfiguration.Bind<StageModelOptions>(configuration.GetSection("Rules:StageModel"), problems);
        if (problems.Count > 0)
        {
            return (null, Failures.Problems(problems, error));
        }

        var path = Path.GetFullPath(database?.FullName ?? worker.DatabasePath);
        if (!File.Exists(path))
        {
            return (null, Fail(error, database is not null
                ? $"--database: the store file {path} does not exist."
                : $"No store to report on: the file {path} (Worker:DatabasePath) does not exist. The worker creates it on its first cycle; --database FILE reads another file."));
        }

        var store = await SqliteSyncStore.OpenReadOnlyAsync(path, ct).ConfigureAwait(false);
        if (database is null && worker.OrgId is { Length: > 0 } org && (store.OrgId != org || (worker.Provider is { } p && store.Provider != p)))
        {
            await store.DisposeAsync().ConfigureAwait(false);
            return (null, Fail(error, $"The store file {path} belongs to org '{store.OrgId}' ({store.Provider}), not to the configured org '{org}'; use --database to read it anyway."));
        }

        return (new Opened(store, ReportStageModel.From(stageModel)), ExitCodes.Success);
    }

    /// <summary>The renewal date of each diverging account, as the rules read it from the cached opportunities.</summary>
    public static Task<IReadOnlyDictionary<string, DateOnly>> RenewalsAsync(SqliteSyncStore store, ReportData data, DateOnly asOf, CancellationToken ct) =>
        ReportReader.RenewalsAsync(store, data, asOf, ct);

    private static int Fail(TextWriter error, string message)
    {
        error.WriteLine(message);
        return ExitCodes.ConfigurationError;
    }
}
