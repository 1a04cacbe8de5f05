using System.Text.Json;

namespace CrmStateSync.Tests.TestSupport;

/// <summary>What one in-process run of the executable produced.</summary>
internal sealed record CommandRun(int ExitCode, string Output, string Error)
{
    /// <summary>The clock used when a test does not care about "today".</summary>
    public static readonly TimeProvider DefaultClock = new FixedClock(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    /// <summary>Runs <see cref="Program.Run"/> with captured output streams.</summary>
    public static CommandRun Of(TimeProvider clock, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = Program.Run(args, output, error, clock);
        return new CommandRun(exitCode, output.ToString(), error.ToString());
    }

    public static CommandRun Of(params string[] args) => Of(DefaultClock, args);

    /// <summary>The printed JSON document (a detached copy).</summary>
    public JsonElement Json()
    {
        using var doc = JsonDocument.Parse(Output);
        return doc.RootElement.Clone();
    }

    /// <summary>The ids of the evaluated accounts, in output order.</summary>
    public IReadOnlyList<string?> ResultIds() => [.. Json().GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetString())];

    /// <summary>The input problems printed in the output's <c>errors</c> array.</summary>
    public IReadOnlyList<(string? Account, string? Path, string? Message)> Errors() =>
    [
        .. Json().GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("account").GetString(), e.GetProperty("path").GetString(), e.GetProperty("message").GetString())),
    ];

    /// <summary>One account's result.</summary>
    public JsonElement Result(string id) =>
        Json().GetProperty("results").EnumerateArray().Single(r => r.GetProperty("id").GetString() == id);
}
