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
        // Unknown keys (with a suggestion) and unconvertible values (with the form expected), each by key; the bad
        // values are dropped so binding goes on and the rules that were understood are still validated.
        var problems = ConfigurationCheck.Problems(section, typeof(RulesOptions));
        var options = Bind(section, problems) ?? throw new RulesConfigurationException(problems);
        problems.AddRange(RulesCompiler.Validate(options));
        return problems.Count > 0 ? throw new RulesConfigurationException(problems) : RulesCompiler.Compile(options);
    }

    private static RulesOptions? Bind(IConfigurationSection section, List<string> problems)
    {
        try
        {
            return section.Get<RulesOptions>() ?? new RulesOptions();
        }
        catch (InvalidOperationException)
        {
            // The check above leaves nothing the binder refuses; should it, the section is named, not the binder's text.
            problems.Add($"{section.Path}: a value cannot be read (see the keys above)");
            return null;
        }
    }
}
