using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using CrmStateSync.Hosting;
using CrmStateSync.Output;
using CrmStateSync.Store;

namespace CrmStateSync.Commands;

/// <summary>
/// <c>conflicts list|show|resolve</c>: the conflict log for admins, read from the worker's SQLite file. Only the
/// <c>Worker</c> section of the configuration is needed (no CRM credentials).
/// </summary>
internal static class ConflictsCommand
{
    public static Command Create(TextWriter output, TextWriter error, TimeProvider clock) =>
        new("conflicts", "The conflict log: human edits of managed fields and what the worker did about them")
        {
            List(output, error, clock),
            Show(output, error, clock),
            Resolve(output, error, clock),
        };

    private static Command List(TextWriter output, TextWriter error, TimeProvider clock)
    {
        var open = new Option<bool>("--open") { Description = "Only conflicts left open for an admin" };
        var account = new Option<string?>("--account") { Description = "Only this account's conflicts (its CRM id or its name)" };
        var since = new Option<DateOnly?>("--since") { Description = "Only conflicts detected on or after this date (YYYY-MM-DD)", CustomParser = ParseDate };
        var format = new Option<string>("--format") { Description = "table (rules wrapped in full), csv or json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv", "json");
        var config = ConfigOption();
        var command = new Command("list", "List logged conflicts, oldest first; the filters combine") { open, account, since, format, config };
        command.SetAction((parse, ct) => WithStoreAsync(parse.GetValue(config), error, clock, async store =>
        {
            var filter = new ConflictFilter(parse.GetValue(open), parse.GetValue(account), parse.GetValue(since));
            ConflictListWriter.Write(output, await store.ListConflictsAsync(filter, ct).ConfigureAwait(false), parse.GetValue(format)!);
            return ExitCodes.Success;
        }, ct));
        return command;
    }

    private static Command Show(TextWriter output, TextWriter error, TimeProvider clock)
    {
        var id = IdArgument();
        var config = ConfigOption();
        var command = new Command("show", "Print every field of one conflict") { id, config };
        command.SetAction((parse, ct) => WithStoreAsync(parse.GetValue(config), error, clock, async store =>
        {
            if (await store.GetConflictAsync(parse.GetValue(id), ct).ConfigureAwait(false) is not { } entry)
            {
                return NotFound(error, parse.GetValue(id));
            }

            ConflictDetailsWriter.Write(output, entry);
            return ExitCodes.Success;
        }, ct));
        return command;
    }

    private static Command Resolve(TextWriter output, TextWriter error, TimeProvider clock)
    {
        var id = IdArgument();
        var keep = new Option<string>("--keep") { Description = "crm: the human value stays; engine: the computed value", Required = true };
        keep.AcceptOnlyFromAmong("crm", "engine");
        var by = new Option<string>("--by") { Description = "Who decided, recorded with the resolution (default: the operating-system user)", DefaultValueFactory = _ => Environment.UserName };
        var config = ConfigOption();
        var command = new Command("resolve", "Record an admin's decision on an open conflict (dated today); the next cycle applies it") { id, keep, by, config };
        command.SetAction((parse, ct) => WithStoreAsync(parse.GetValue(config), error, clock, store =>
            ResolveAsync(store, new Resolution(parse.GetValue(id), parse.GetValue(keep) == "crm" ? ConflictKeep.Crm : ConflictKeep.Engine, parse.GetValue(by)), output, error, clock, ct), ct));
        return command;
    }

    private sealed record Resolution(long Id, ConflictKeep Keep, string? By);

    private static async Task<int> ResolveAsync(SqliteSyncStore store, Resolution resolution, TextWriter output, TextWriter error, TimeProvider clock, CancellationToken ct)
    {
        var (id, keep, by) = resolution;
        if (await store.GetConflictAsync(id, ct).ConfigureAwait(false) is not { } entry)
        {
            return NotFound(error, id);
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (!entry.IsOpen || !await store.ResolveConflictAsync(id, keep, today, string.IsNullOrWhiteSpace(by) ? null : by, ct).ConfigureAwait(false))
        {
            // Not open, or resolved by someone else since it was read: explain from what the log holds now.
            error.WriteLine(ConflictDetailsWriter.NotOpen(await store.GetConflictAsync(id, ct).ConfigureAwait(false) ?? entry));
            return ExitCodes.ConflictNotOpen;
        }

        ConflictDetailsWriter.WriteResolved(output, entry, keep, today);
        return ExitCodes.Success;
    }

    private static async Task<int> WithStoreAsync(FileInfo? config, TextWriter error, TimeProvider clock, Func<SqliteSyncStore, Task<int>> action, CancellationToken ct)
    {
        if (config is { Exists: false })
        {
            error.WriteLine($"The configuration file {config.FullName} does not exist.");
            return ExitCodes.ConfigurationError;
        }

        var problems = new List<string>();
        var section = WorkerConfiguration.Load(config?.FullName).GetSection(WorkerOptions.Section);
        var worker = WorkerConfiguration.Bind<WorkerOptions>(section, problems);
        problems.AddRange(worker.Validate());
        if (problems.Count > 0)
        {
            return Failures.Problems(problems, error);
        }

        var path = Path.GetFullPath(worker.DatabasePath);
        if (!File.Exists(path))
        {
            error.WriteLine($"No conflict log: the store file {path} (Worker:DatabasePath) does not exist. The worker creates it on its first cycle.");
            return ExitCodes.InputError;
        }

        try
        {
            // The command's clock stamps what the store records (the resolution's changed mark), as the worker's does.
            await using var store = await SqliteSyncStore.OpenAsync(path, worker.OrgId!, worker.Provider!, time: clock, cancellationToken: ct).ConfigureAwait(false);
            return await action(store).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is StoreMismatchException or StoreUnusableException)
        {
            return Failures.Report(ex, error);
        }
    }

    private static int NotFound(TextWriter error, long id)
    {
        error.WriteLine($"No conflict with id {id} in the log (see: conflicts list).");
        return ExitCodes.ConflictNotOpen;
    }

    private static Argument<long> IdArgument() => new("id") { Description = "The conflict's id (the first column of conflicts list)" };

    private static Option<FileInfo?> ConfigOption() =>
        new("--config", "-c") { Description = "appsettings file (default ./appsettings.json); only its Worker section is read" };

    private static DateOnly? ParseDate(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        result.AddError($"--since: '{text}' is not a date (YYYY-MM-DD)");
        return null;
    }
}
