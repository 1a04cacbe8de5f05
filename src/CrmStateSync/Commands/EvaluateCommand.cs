using System.CommandLine;
using System.Globalization;
using CrmStateSync.Configuration;
using CrmStateSync.Logging;
using CrmStateSync.Output;
using CrmStateSync.Rules.Configuration;
using CrmStateSync.Rules.Evaluation;
using CrmStateSync.Snapshots;
using Microsoft.Extensions.Logging;

namespace CrmStateSync.Commands;

/// <summary><c>evaluate --input FILE [--as-of DATE] [--config FILE] [--format json|jsonl]</c>: offline what-if over
/// snapshot JSON, streamed account by account; no CRM needed.</summary>
internal static class EvaluateCommand
{
    /// <param name="output">Where results go.</param>
    /// <param name="error">Where problems go.</param>
    /// <param name="clock">"Today" when neither --as-of nor the file names a date.</param>
    /// <param name="openStdout">The process's stdout as a stream, when <paramref name="output"/> is the console's: results are written to it as bytes.</param>
    /// <param name="logging">Where progress events go (stderr; never the results' stream).</param>
    public static Command Create(TextWriter output, TextWriter error, TimeProvider clock, ILoggerFactory logging, Func<Stream>? openStdout = null)
    {
        var input = new Option<FileInfo>("--input", "-i") { Description = "Snapshots (rules.md §1 JSON, or JSON Lines when the name ends in .jsonl or .ndjson)", Required = true };
        var asOf = new Option<DateOnly?>("--as-of") { Description = "Evaluate as of this date (YYYY-MM-DD); default: the file's asOf, else today (UTC)", CustomParser = ParseDate };
        var config = new Option<FileInfo?>("--config", "-c") { Description = "A JSON file with a Rules section (default: the rules of rules.md)" };
        var format = new Option<string>("--format") { Description = "json (one document) or jsonl (one result per line; problems on stderr only)", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "jsonl");
        var command = new Command("evaluate", "Evaluate account snapshots offline and print stage, states, milestones, divergence and reasons as JSON")
        {
            input, asOf, config, format,
        };
        command.SetAction(parse => Run(
            new EvaluateRequest(parse.GetValue(input)!, parse.GetValue(asOf), parse.GetValue(config), parse.GetValue(format)!), output, openStdout, error, clock, logging));
        return command;
    }

    private static int Run(EvaluateRequest request, TextWriter output, Func<Stream>? openStdout, TextWriter error, TimeProvider clock, ILoggerFactory logging)
    {
        CompiledRules rules;
        try
        {
            rules = RulesConfiguration.Load(request.Config?.FullName);
        }
        catch (RulesConfigurationException ex)
        {
            error.WriteLine(ex.Message);
            return ExitCodes.ConfigurationError;
        }

        var input = request.Input;
        if (!input.Exists)
        {
            error.WriteLine($"--input: the file '{input.FullName}' does not exist");
            return ExitCodes.InputError;
        }

        using var source = SnapshotFileReader.Open(input.FullName, needAsOf: request.AsOf is null);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        using var stdout = openStdout?.Invoke();
        var sink = stdout is null ? OutputSink.To(output) : OutputSink.To(stdout);
        var progress = new ProgressLog(logging.CreateLogger("CrmStateSync.Progress"), clock, new Hosting.WorkerOptions().ProgressInterval, TerminalProgress.StandardError);
        var run = new EvaluateRun(new RulesEngine(rules), sink, error, request.Format, progress);
        var (evaluated, problems) = run.Evaluate(source, () => request.AsOf ?? source.AsOf ?? today);
        if (evaluated == 0 && problems == 0)
        {
            error.WriteLine($"--input: the file '{input.FullName}' holds no accounts; expected {{\"accounts\": [ … ]}}, a bare array of accounts, or JSON Lines (one account per line)");
            return ExitCodes.InputError;
        }

        if (problems == 0)
        {
            return ExitCodes.Success;
        }

        error.WriteLine($"{problems} input problem(s); {evaluated} account(s) evaluated.");
        return evaluated > 0 ? ExitCodes.PartialFailure : ExitCodes.InputError;
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

/// <summary>The options of one <c>evaluate</c>.</summary>
internal sealed record EvaluateRequest(FileInfo Input, DateOnly? AsOf, FileInfo? Config, string Format);
