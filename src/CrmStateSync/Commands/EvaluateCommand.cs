using System.CommandLine;
using System.Globalization;
using CrmStateSync.Configuration;
using CrmStateSync.Output;
using CrmStateSync.Rules.Configuration;
using CrmStateSync.Rules.Evaluation;
using CrmStateSync.Snapshots;

namespace CrmStateSync.Commands;

/// <summary><c>evaluate --input FILE [--as-of DATE] [--config FILE]</c>: offline what-if over snapshot JSON; no CRM needed.</summary>
internal static class EvaluateCommand
{
    public static Command Create(TextWriter output, TextWriter error, TimeProvider clock)
    {
        var input = new Option<FileInfo>("--input", "-i") { Description = "Snapshots (rules.md §1 JSON, or JSON Lines with .jsonl)", Required = true };
        var asOf = new Option<DateOnly?>("--as-of") { Description = "Evaluate as of this date (YYYY-MM-DD); default: the file's asOf, else today (UTC)", CustomParser = ParseDate };
        var config = new Option<FileInfo?>("--config", "-c") { Description = "A JSON file with a Rules section (default: the rules of rules.md)" };
        var command = new Command("evaluate", "Evaluate account snapshots offline and print stage, states, milestones, divergence and reasons as JSON")
        {
            input, asOf, config,
        };
        command.SetAction(parse => Run(parse.GetValue(input)!, parse.GetValue(asOf), parse.GetValue(config), output, error, clock));
        return command;
    }

    private static int Run(FileInfo input, DateOnly? asOfOption, FileInfo? config, TextWriter output, TextWriter error, TimeProvider clock)
    {
        CompiledRules rules;
        try
        {
            rules = RulesConfiguration.Load(config?.FullName);
        }
        catch (RulesConfigurationException ex)
        {
            error.WriteLine(ex.Message);
            return ExitCodes.ConfigurationError;
        }

        if (!input.Exists)
        {
            error.WriteLine($"--input: the file '{input.FullName}' does not exist");
            return ExitCodes.InputError;
        }

        var batch = SnapshotFileReader.Read(input.FullName);
        if (batch.Accounts.Count == 0 && batch.Problems.Count == 0)
        {
            error.WriteLine($"--input: the file '{input.FullName}' holds no accounts; expected {{\"accounts\": [ … ]}}, a bare array of accounts, or JSON Lines (one account per line)");
            return ExitCodes.InputError;
        }

        var asOf = asOfOption ?? batch.AsOf ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var engine = new RulesEngine(rules);
        var results = batch.Accounts.Select(a => (a, engine.Evaluate(a, asOf))).ToList();
        using (var stdout = new MemoryStream())
        {
            ResultJsonWriter.Write(stdout, asOf, results, batch.Problems);
            output.WriteLine(System.Text.Encoding.UTF8.GetString(stdout.ToArray()));
        }

        foreach (var problem in batch.Problems)
        {
            error.WriteLine(problem.ToString());
        }

        if (batch.Problems.Count == 0)
        {
            return ExitCodes.Success;
        }

        error.WriteLine($"{batch.Problems.Count} input problem(s); {results.Count} account(s) evaluated.");
        return results.Count > 0 ? ExitCodes.PartialFailure : ExitCodes.InputError;
    }

    private static DateOnly? ParseDate(System.CommandLine.Parsing.ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        result.AddError($"--as-of: '{text}' is not a date (YYYY-MM-DD)");
        return null;
    }
}
