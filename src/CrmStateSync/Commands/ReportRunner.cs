using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text;
using CrmStateSync.Hosting;
using CrmStateSync.Reports;
using CrmStateSync.Reports.Rendering;

namespace CrmStateSync.Commands;

/// <summary>What every <c>report</c> subcommand shares: its options, reading the store, rendering, writing the output.</summary>
internal sealed class ReportRunner(TextWriter output, TextWriter error, TimeProvider clock)
{
    /// <summary>
    /// A subcommand with the shared options plus its own; <paramref name="renewals"/> when it ranks by renewal date,
    /// <paramref name="conflicts"/> when it shows the conflict log.
    /// </summary>
    public Command Command(string name, string description, Option[] extra, bool renewals, Func<ParseResult, ReportInput, ReportSet, ReportSet> compute, bool conflicts = false)
    {
        var o = new Shared();
        var command = new Command(name, description) { o.Config, o.Database, o.Format, o.Output, o.AsOf };
        foreach (var option in extra)
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, ct) => RunAsync(name, o, parse, (renewals, conflicts), compute, ct));
        return command;
    }

    private async Task<int> RunAsync(string name, Shared o, ParseResult parse, (bool Renewals, bool Conflicts) reads, Func<ParseResult, ReportInput, ReportSet, ReportSet> compute, CancellationToken ct)
    {
        var format = parse.GetValue(o.Format)!;
        if (name == "all" && format == "csv")
        {
            error.WriteLine("--format csv writes one table: choose one report (velocity, distribution, divergence or runs), or use table, json or html for all.");
            return ExitCodes.ConfigurationError;
        }

        try
        {
            var (source, code) = await ReportSource.OpenAsync(parse.GetValue(o.Config), parse.GetValue(o.Database), error, ct).ConfigureAwait(false);
            if (source is null)
            {
                return code;
            }

            await using var store = source.Store;
            var asOf = parse.GetValue(o.AsOf) ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            var input = await ReportReader.ReadAsync(store, source.Model, asOf, reads.Renewals, reads.Conflicts, ct).ConfigureAwait(false);
            var set = compute(parse, input, new ReportSet(input.Data.OrgId, input.Data.Provider, asOf));
            return Write(set, format, parse.GetValue(o.Output));
        }
        catch (Exception ex) when (Failures.IsEnvironmentProblem(ex))
        {
            return Failures.Report(ex, error);
        }
    }

    private int Write(ReportSet set, string format, FileInfo? file)
    {
        if (file is null)
        {
            Render(output, set, format);
            return ExitCodes.Success;
        }

        Directory.CreateDirectory(file.DirectoryName ?? ".");
        using (var writer = new StreamWriter(file.FullName, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
        {
            Render(writer, set, format);
        }

        output.WriteLine($"wrote {file.FullName}");
        return ExitCodes.Success;
    }

    private static void Render(TextWriter writer, ReportSet set, string format)
    {
        switch (format)
        {
            case "csv": CsvRenderer.Write(writer, set); break;
            case "json": JsonRenderer.Write(writer, set); break;
            case "html": HtmlRenderer.Write(writer, set); break;
            default: TableRenderer.Write(writer, set); break;
        }
    }

    /// <summary>The options every report takes (new instances per subcommand).</summary>
    private sealed class Shared
    {
        public Option<FileInfo?> Config { get; } = new("--config", "-c") { Description = "appsettings file (default ./appsettings.json); its Worker and Rules:StageModel sections are read" };

        public Option<FileInfo?> Database { get; } = new("--database") { Description = "The store file to read, instead of Worker:DatabasePath (e.g. the file the demo printed)" };

        public Option<string> Format { get; } = Formats();

        public Option<FileInfo?> Output { get; } = new("--output", "-o") { Description = "Write the report to this file instead of the console" };

        public Option<DateOnly?> AsOf { get; } = new("--as-of") { Description = "The date the report describes (YYYY-MM-DD; default today, UTC)", CustomParser = ParseDate };

        private static Option<string> Formats()
        {
            var format = new Option<string>("--format") { Description = "table, csv, json or html", DefaultValueFactory = _ => "table" };
            format.AcceptOnlyFromAmong("table", "csv", "json", "html");
            return format;
        }

        private static DateOnly? ParseDate(ArgumentResult result)
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
}
