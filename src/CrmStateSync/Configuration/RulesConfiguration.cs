using CrmStateSync.Rules.Configuration;
using Microsoft.Extensions.Configuration;

namespace CrmStateSync.Configuration;

/// <summary>
/// Loads the <c>Rules</c> section (a file, plus environment variables prefixed <c>CRMSTATESYNC_</c>), binds it to
/// <see cref="RulesOptions"/> and compiles it. Every problem — binding and rules alike — is reported at once.
/// </summary>
public static class RulesConfiguration
{
    public const string Section = "Rules";

    /// <summary>Compiles the rules from a configuration file, or the defaults when none is given.</summary>
    public static CompiledRules Load(string? path)
    {
        if (path is null)
        {
            return CompiledRules.Default;
        }

        if (!File.Exists(path))
        {
            throw new RulesConfigurationException([$"--config: the file '{path}' does not exist"]);
        }

        IConfiguration configuration;
        try
        {
            configuration = new ConfigurationBuilder().AddJsonFile(Path.GetFullPath(path), optional: false).Build();
        }
        catch (InvalidDataException ex)
        {
            throw new RulesConfigurationException(["--config: " + JsonFileErrors.Describe(ex)]);
        }

        return Compile(configuration.GetSection(Section));
    }

    /// <summary>Binds and compiles a <c>Rules</c> configuration section.</summary>
    public static CompiledRules Compile(IConfigurationSection section)
    {
        var problems = NumberProblems(section).ToList();
        var options = Bind(section, problems) ?? throw new RulesConfigurationException(problems);
        problems.AddRange(RulesCompiler.Validate(options));
        return problems.Count > 0 ? throw new RulesConfigurationException(problems) : RulesCompiler.Compile(options);
    }

    /// <summary>
    /// Binds strictly. Unknown keys are reported and the section is bound again leniently, so the rules that were
    /// understood are still validated and every problem is reported at once. A value that cannot be converted is
    /// reported with its key and stops there (a lenient bind would silently drop the element that holds it).
    /// </summary>
    private static RulesOptions? Bind(IConfigurationSection section, List<string> problems)
    {
        try
        {
            return section.Get<RulesOptions>(o => o.ErrorOnUnknownConfiguration = true) ?? new RulesOptions();
        }
        catch (InvalidOperationException ex) when (ex.InnerException is null)
        {
            problems.Add($"{section.Path}: {ex.Message}");
            return section.Get<RulesOptions>() ?? new RulesOptions();
        }
        catch (InvalidOperationException ex)
        {
            problems.Add($"{section.Path}: {ex.Message} {ex.InnerException!.Message}");
            return null;
        }
    }

    /// <summary>Thresholds and per-segment overrides must be whole numbers; report each by key before binding.</summary>
    private static IEnumerable<string> NumberProblems(IConfigurationSection section)
    {
        var numeric = section.GetSection("Thresholds").GetChildren()
            .Concat(section.GetSection("Segments").GetChildren().SelectMany(s => s.GetChildren()));
        foreach (var entry in numeric)
        {
            if (entry.Value is { } text && !int.TryParse(text, out _))
            {
                // Drop the bad value so binding goes on and the remaining problems are reported too.
                entry.Value = null;
                yield return $"{entry.Path}: '{text}' is not a whole number";
            }
        }
    }
}
