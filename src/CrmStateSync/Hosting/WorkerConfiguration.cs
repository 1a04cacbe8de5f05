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
            AddRequired(builder, path, "--config");
        }
        else
        {
            builder.AddJsonFile(Path.GetFullPath("appsettings.json"), optional: true);
        }

        if (Environment.GetEnvironmentVariable("CRMSTATESYNC_SECRETS_FILE") is { Length: > 0 } secrets)
        {
            AddRequired(builder, secrets, "CRMSTATESYNC_SECRETS_FILE");
        }

        try
        {
            return builder.AddEnvironmentVariables("CRMSTATESYNC_").Build();
        }
        catch (InvalidDataException ex)
        {
            throw new ConfigurationFileException(JsonFileErrors.Describe(ex), ex);
        }
    }

    /// <summary>A file the admin named: its absence is an error that names it and where it was named.</summary>
    private static void AddRequired(ConfigurationBuilder builder, string path, string namedBy)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new ConfigurationFileException($"the configuration file {full} ({namedBy}) does not exist");
        }

        builder.AddJsonFile(full, optional: false);
    }

    /// <summary>Every problem of the configuration, each with its key; empty when it is valid.</summary>
    public static (WorkerOptions Worker, CompiledRules? Rules, IReadOnlyList<string> Problems) Validate(IConfiguration configuration)
    {
        var problems = Shape(configuration);
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
        problems.AddRange(SecretsInAppsettings(configuration));
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

    /// <summary>
    /// Console password hashes found in the appsettings file itself (the first JSON file loaded): they belong in the secrets
    /// file or the environment, where the CRM credentials are, not in a file that is committed and copied into images.
    /// </summary>
    public static IEnumerable<string> SecretsInAppsettings(IConfiguration configuration)
    {
        if (configuration is not IConfigurationRoot root
            || root.Providers.OfType<Microsoft.Extensions.Configuration.Json.JsonConfigurationProvider>().FirstOrDefault() is not { } appsettings)
        {
            yield break;
        }

        foreach (var user in configuration.GetSection($"{WorkerOptions.Section}:Console:Users").GetChildren())
        {
            var key = $"{user.Path}:PasswordHash";
            if (appsettings.TryGet(key, out _))
            {
                yield return $"{key}: a password hash belongs in the secrets file (CRMSTATESYNC_SECRETS_FILE) or the environment (CRMSTATESYNC_{key.Replace(":", "__", StringComparison.Ordinal)}), not in {appsettings.Source.Path}";
            }
        }
    }

    /// <summary>
    /// The unknown keys and unconvertible values of the sections the worker binds (<see cref="ConfigurationCheck"/>).
    /// Unknown keys are errors, as they already were under <c>Rules</c>: a misspelt key is a setting the operator
    /// believes applies and does not (<c>Worker:Intervall</c> would leave the interval at its default, silently).
    /// </summary>
    private static List<string> Shape(IConfiguration configuration)
    {
        var problems = ConfigurationCheck.Problems(configuration.GetSection(WorkerOptions.Section), typeof(WorkerOptions));
        problems.AddRange(ConfigurationCheck.Problems(configuration.GetSection("Crm"), typeof(CrmSections)));
        problems.AddRange(ConfigurationCheck.Problems(configuration.GetSection("Sync"), typeof(SyncOptions)));
        return problems;
    }

    /// <summary>
    /// Binds a section; when a value does not convert, binds it key by key so every key that does not convert is listed
    /// (with its full key) and the keys that do are kept, for the section's own validation to see.
    /// </summary>
    public static T Bind<T>(IConfigurationSection section, List<string> problems)
        where T : class, new()
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(problems);
        try
        {
            return section.Get<T>() ?? new T();
        }
        catch (InvalidOperationException)
        {
            var bound = new T();
            foreach (var child in section.GetChildren())
            {
                BindOne(section, child, bound, problems);
            }

            return bound;
        }
    }

    /// <summary>Binds one key (and what is under it) of <paramref name="section"/> into <paramref name="bound"/>.</summary>
    private static void BindOne(IConfigurationSection section, IConfigurationSection child, object bound, List<string> problems)
    {
        var relative = child.AsEnumerable().Select(kv => KeyValuePair.Create(kv.Key[(section.Path.Length + 1)..], kv.Value));
        try
        {
            new ConfigurationBuilder().AddInMemoryCollection(relative).Build().Bind(bound);
        }
        catch (InvalidOperationException)
        {
            // Not the binder's text (type names, "at 'Interval'"): the key and its value.
            problems.Add($"{child.Path}: '{child.Value}' cannot be read for this key");
        }
    }

    /// <summary>The shape of the <c>Crm</c> section: one subsection per provider.</summary>
    private sealed class CrmSections
    {
        public SalesforceOptions? Salesforce { get; set; }

        public HubSpotOptions? HubSpot { get; set; }
    }
}
