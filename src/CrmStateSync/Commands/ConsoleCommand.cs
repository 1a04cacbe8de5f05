using System.CommandLine;
using CrmStateSync.AdminConsole;
using CrmStateSync.AdminConsole.Hosting;
using CrmStateSync.Configuration;
using CrmStateSync.Hosting;
using CrmStateSync.Logging;
using CrmStateSync.Reports;
using CrmStateSync.Rules.Configuration;
using CrmStateSync.Rules.Evaluation;
using CrmStateSync.Store;

namespace CrmStateSync.Commands;

/// <summary>
/// <c>console [--config FILE] [--url URL]</c>: the admin console over the worker's store file, on its own (the worker may
/// run elsewhere, or not at all); <c>console hash-password</c>: the hash of a password read from standard input, for the
/// secrets file. Only the <c>Worker</c> section is read (no CRM credentials).
/// </summary>
internal static class ConsoleCommand
{
    public static Command Create(TextWriter output, TextWriter error, TimeProvider clock)
    {
        var config = new Option<FileInfo?>("--config", "-c") { Description = "appsettings file (default ./appsettings.json); only its Worker section is read" };
        var url = new Option<string?>("--url") { Description = $"Where to listen (default Worker:Console:Url, else {ConsoleOptions.DefaultUrl}: loopback only)" };
        var command = new Command("console", "Serve the admin console (runs, conflicts, accounts, reports) over the store file until Ctrl+C")
        {
            config, url, HashPassword(output, error),
        };
        command.SetAction((parse, ct) => ServeAsync(parse.GetValue(config), parse.GetValue(url), error, clock, ct));
        return command;
    }

    private static Command HashPassword(TextWriter output, TextWriter error)
    {
        var command = new Command("hash-password", "Read a password from standard input and print its hash for Worker:Console:Users:NAME:PasswordHash (in the secrets file)");
        command.SetAction(_ =>
        {
            var password = Console.IsInputRedirected ? Console.In.ReadLine() : ReadHidden(error);
            if (string.IsNullOrEmpty(password) || password.Length < 12)
            {
                error.WriteLine("A console password must have at least 12 characters; nothing was printed.");
                return ExitCodes.InputError;
            }

            output.WriteLine(PasswordHashes.Hash(password));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Reads a line from the terminal without echoing it.</summary>
    private static string ReadHidden(TextWriter error)
    {
        error.Write("Password: ");
        var text = new System.Text.StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace && text.Length > 0)
            {
                text.Length--;
            }
            else if (!char.IsControl(key.KeyChar))
            {
                text.Append(key.KeyChar);
            }
        }

        error.WriteLine();
        return text.ToString();
    }

    /// <summary>The worker's rules (an account's page shows why each state has its value), or null with the problems added.</summary>
    private static CompiledRules? CompileRules(Microsoft.Extensions.Configuration.IConfiguration configuration, List<string> problems)
    {
        try
        {
            return RulesConfiguration.Compile(configuration.GetSection(RulesConfiguration.Section));
        }
        catch (RulesConfigurationException ex)
        {
            problems.AddRange(ex.Problems);
            return null;
        }
    }

    private static async Task<int> ServeAsync(FileInfo? config, string? url, TextWriter error, TimeProvider clock, CancellationToken ct)
    {
        if (config is { Exists: false })
        {
            error.WriteLine($"The configuration file {config.FullName} does not exist.");
            return ExitCodes.ConfigurationError;
        }

        var configuration = WorkerConfiguration.Load(config?.FullName);
        var section = configuration.GetSection(WorkerOptions.Section);
        var problems = ConfigurationCheck.Problems(section, typeof(WorkerOptions));
        var worker = WorkerConfiguration.Bind<WorkerOptions>(section, problems);
        // The reports page reads the history with the configured stage model, as `report` does.
        var stageModel = WorkerConfiguration.Bind<StageModelOptions>(configuration.GetSection("Rules:StageModel"), problems);
        var rules = CompileRules(configuration, problems);
        worker.Console.Url = url ?? worker.Console.Url ?? ConsoleOptions.DefaultUrl;
        problems.AddRange(worker.Validate());
        problems.AddRange(WorkerConfiguration.SecretsInAppsettings(configuration));
        if (url is not null && !Uri.TryCreate(url, UriKind.Absolute, out _))
        {
            problems.Add($"--url: '{url}' is not an address, e.g. {ConsoleOptions.DefaultUrl}");
        }

        if (problems.Count > 0)
        {
            return Failures.Problems(problems.Distinct().ToList(), error);
        }

        var path = Path.GetFullPath(worker.DatabasePath);
        if (!File.Exists(path))
        {
            error.WriteLine($"No store to show: the file {path} (Worker:DatabasePath) does not exist. The worker creates it on its first cycle.");
            return ExitCodes.InputError;
        }

        try
        {
            // Opening migrates the file (the console's indexes come with the migrations) and checks its org and provider.
            await (await SqliteSyncStore.OpenAsync(path, worker.OrgId!, worker.Provider!, time: clock, cancellationToken: ct).ConfigureAwait(false)).DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is StoreMismatchException or StoreUnusableException)
        {
            return Failures.Report(ex, error);
        }

        if (ListenAddresses.FirstInUse(worker.Console.Url) is { } busy)
        {
            return Failures.AddressInUse("Worker:Console:Url", busy, "is a worker or another console serving it? Stop it, or give this one another port (--url)", error);
        }

        using var logging = WorkerLogging.Create(configuration, Console.IsErrorRedirected);
        var site = new ConsoleSite(worker.Console, path, worker.OrgId!, worker.Provider!, clock, logging)
        {
            StageModel = ReportStageModel.From(stageModel),
            Rules = new RulesEngine(rules ?? CompiledRules.Default),
        };
        await using var app = ConsoleServer.Build(site);
        await app.StartAsync(ct).ConfigureAwait(false);
        error.WriteLine($"Console for {worker.Provider} org {worker.OrgId} at {site.Url} (store {path}); Ctrl+C stops it.");
        try
        {
            await Task.Delay(Timeout.Infinite, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C or SIGTERM: the normal way to stop a console.
        }

        await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        return ExitCodes.Success;
    }
}
