using CrmStateSync.Configuration;
using CrmStateSync.Crm.HubSpot;
using CrmStateSync.Crm.Salesforce;
using CrmStateSync.Rules.Configuration;
using CrmStateSync.Sync.Engine;
using Microsoft.Extensions.Configuration;

namespace CrmStateSync.Hosting;

/// <summary>
/// Loads the worker's configuration — appsettings (or <c>--config</c>), an optional secrets file named by
/// <c>CRMSTATESYNC_SECRETS_FILE</c>, then environment variables prefixed <c>CRMSTATESYNC_</c> (<c>__</c> for <c>:</c>) —
/// and validates all of it at once: every problem with its key, no secret value ever printed.
/// </summary>
public static class WorkerConfiguration
{
    public static IConfigurationRoot Load(string? path)
    {
        var builder = new ConfigurationBuilder();
        if (path is not null)
        {
            builder.AddJsonFile(Path.GetFullPath(path), optional: false);
        }
        else
        {
            builder.AddJsonFile(Path.GetFullPath("appsettings.json"), optional: true);
        }

        if (Environment.GetEnvironmentVariable("CRMSTATESYNC_SECRETS_FILE") is { Length: > 0 } secrets)
        {
            builder.AddJsonFile(Path.GetFullPath(secrets), optional: false);
        }

        return builder.AddEnvironmentVariables("CRMSTATESYNC_").Build();
    }

    /// <summary>Every problem of the configuration, each with its key; empty when it is valid.</summary>
    public static (WorkerOptions Worker, CompiledRules? Rules, IReadOnlyList<string> Problems) Validate(IConfiguration configuration)
    {
        var problems = new List<string>();
        var worker = Bind<WorkerOptions>(configuration.GetSection(WorkerOptions.Section), problems);
        problems.AddRange(worker.Validate());
        if (worker.Provider == "salesforce")
        {
            problems.AddRange(Bind<SalesforceOptions>(configuration.GetSection("Crm:Salesforce"), problems).Validate());
        }
        else if (worker.Provider == "hubspot")
        {
            problems.AddRange(Bind<HubSpotOptions>(configuration.GetSection("Crm:HubSpot"), problems).Validate());
        }

        problems.AddRange(Bind<SyncOptions>(configuration.GetSection("Sync"), problems).Validate("Sync"));
        CompiledRules? rules = null;
        try
        {
            rules = RulesConfiguration.Compile(configuration.GetSection(RulesConfiguration.Section));
        }
        catch (RulesConfigurationException ex)
        {
            problems.AddRange(ex.Problems);
        }

        return (worker, rules, problems);
    }

    public static T Bind<T>(IConfigurationSection section, List<string> problems)
        where T : class, new()
    {
        try
        {
            return section.Get<T>() ?? new T();
        }
        catch (InvalidOperationException ex)
        {
            problems.Add($"{section.Path}: {ex.Message}{(ex.InnerException is null ? "" : " " + ex.InnerException.Message)}");
            return new T();
        }
    }
}
