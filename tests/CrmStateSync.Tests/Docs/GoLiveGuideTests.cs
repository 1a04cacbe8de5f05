using System.CommandLine;
using System.Net.Http.Headers;
using System.Text;
using CrmStateSync.Commands;
using CrmStateSync.Tests.TestSupport;
using Microsoft.Data.Sqlite;

namespace CrmStateSync.Tests.Docs;

/// <summary>
/// docs/go-live.md, followed literally (issue 13: "docs that cannot drift"): every command of its numbered steps and of the
/// QA checklist's sandbox edits runs, word for word from the guide's <c>sh</c> blocks, through <see cref="Program.Run"/>
/// in a fresh folder on the guide's date, and what each prints must show every line the guide says it prints ("…" cuts).
/// Only the sandbox's port differs (a free one, not 5480), and `run`/`health` (step 10, a long-running process) are left
/// to the real-executable tests of `run`.
/// </summary>
public class GoLiveGuideTests
{
    private static readonly TimeProvider GuideDay = CommandRun.DefaultClock; // 2026-11-23, the day the guide was run
    private readonly List<string> _drift = [];
    private int _kept;
    private GuideBlocks _guide = null!;
    private TempFolder _folder = null!;
    private string _previousDirectory = "";

    [SetUp]
    public void EnterAFreshFolder()
    {
        _guide = GuideBlocks.Read(Path.Combine(RepoPaths.Root, "docs", "go-live.md"));
        _folder = new TempFolder();
        _previousDirectory = Environment.CurrentDirectory;
        // The guide's paths (state/…, deploy/salesforce, sandbox.appsettings.json) are relative to where the reader runs.
        Environment.CurrentDirectory = _folder.Path;
    }

    [TearDown]
    public void LeaveTheFolder()
    {
        Environment.CurrentDirectory = _previousDirectory;
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    [Test]
    public async Task GoLiveGuide_FollowedLiterallyAgainstTheSandbox_PrintsWhatTheGuideShows()
    {
        Step("dotnet build src/CrmStateSync -c Release\nexport PATH=\"$PWD/src/CrmStateSync/bin/Release/net10.0:$PATH\"\ncrmstatesync --help");

        await using (var first = await SandboxAsync("crmstatesync sandbox --accounts 60 --write-config sandbox.appsettings.json"))
        {
            Check("crmstatesync sandbox --accounts 60 --write-config sandbox.appsettings.json", _guide.Step("crmstatesync sandbox --accounts 60 --write-config sandbox.appsettings.json").Outputs, [first.Printed], null);
            Compare("step 2: the configuration the sandbox writes", _guide.BlockAfter("crmstatesync sandbox --accounts 60 --write-config sandbox.appsettings.json", "json"),
                await File.ReadAllTextAsync("sandbox.appsettings.json"));
            Step("crmstatesync schema check --config sandbox.appsettings.json");
        }

        const string HubSpotGaps = "crmstatesync sandbox --crm hubspot --accounts 60 --schema-gaps --write-config sandbox.appsettings.json";
        await using (await SandboxAsync(HubSpotGaps))
        {
            Step(HubSpotGaps + "\ncrmstatesync schema check --config sandbox.appsettings.json");
        }

        await using (await SandboxAsync(HubSpotGaps))
        {
            Step(HubSpotGaps + "\ncrmstatesync schema provision --dry-run --config sandbox.appsettings.json\ncrmstatesync schema provision --config sandbox.appsettings.json");
        }

        await using (var salesforce = await SandboxAsync("crmstatesync sandbox --accounts 60 --write-config sandbox.appsettings.json"))
        {
            Step("crmstatesync schema provision --dry-run --config sandbox.appsettings.json\ncrmstatesync schema provision --config sandbox.appsettings.json");
            Step("crmstatesync sync --once --dry-run --config sandbox.appsettings.json");
            Step("crmstatesync backfill --dry-run --config sandbox.appsettings.json\ncrmstatesync backfill --config sandbox.appsettings.json");
            Step("crmstatesync sync --once --config sandbox.appsettings.json");
            Step("crmstatesync conflicts list --config sandbox.appsettings.json");
            Step("crmstatesync report distribution --config sandbox.appsettings.json");
            await QaEditsAsync(salesforce);
        }

        Assert.That(_drift, Is.Empty, "docs/go-live.md no longer shows what the product prints:\n" + string.Join("\n", _drift));
    }

    /// <summary>Runs one sh block's crmstatesync commands and compares their output with the plain blocks after it.</summary>
    private void Step(string block, string? before = null)
    {
        var (commands, outputs) = _guide.Step(block);
        var printed = commands.Where(c => c[0] != "sandbox").Select(Run).ToList();
        Check(block, outputs, printed, before);
    }

    private void Check(string block, IReadOnlyList<string> outputs, List<string> printed, string? before)
    {
        var name = block.Split('\n').Last();
        if (outputs.Count == printed.Count)
        {
            for (var i = 0; i < outputs.Count; i++)
            {
                Compare(name, outputs[i], (i == 0 ? before : null) + printed[i]);
            }
        }
        else if (outputs.Count == 1)
        {
            Compare(name, outputs[0], before + string.Concat(printed));
        }
        else if (outputs.Count > 0)
        {
            _drift.Add($"{name}: {outputs.Count} output blocks for {printed.Count} commands");
        }
    }

    private void Compare(string name, string expected, string actual)
    {
        // GUIDE_OUTPUT_DIR=/some/dir keeps what each step printed, to paste from when the guide is brought up to date.
        if (Environment.GetEnvironmentVariable("GUIDE_OUTPUT_DIR") is { Length: > 0 } keep)
        {
            Directory.CreateDirectory(keep);
            File.WriteAllText(Path.Combine(keep, $"{++_kept:00}-{string.Concat(name.Split(Path.GetInvalidFileNameChars()))}.txt"), actual);
        }

        var missing = GuideBlocks.Missing(expected, actual);
        if (missing.Count > 0)
        {
            // The end of the output is where summaries are; the whole of a long plan would bury the message.
            var lines = actual.Split('\n');
            var tail = string.Join("\n    ", lines.Skip(Math.Max(0, lines.Length - 25)));
            _drift.Add($"--- {name}: the guide shows lines the product does not print (in this order):\n  " + string.Join("\n  ", missing)
                + $"\n  printed ({lines.Length} lines; the last 25):\n    " + tail);
        }
    }

    private static string Run(string[] args)
    {
        var run = CommandRun.Of(GuideDay, args);
        return run.Output + run.Error;
    }

    /// <summary>
    /// The QA checklist's sandbox edits, each block as the guide has it: its curl PATCH sent with the sandbox token (the
    /// shell's $TODAY and $NEXT_YEAR as the guide's day gives them), its crmstatesync commands, its sqlite3 query.
    /// </summary>
    private async Task QaEditsAsync(Sandbox sandbox)
    {
        using var http = new HttpClient { BaseAddress = sandbox.Url };
        var token = await TokenAsync(http);
        foreach (var marker in new[] { "\"id\": \"001SBX000000001695\"", "WHERE source = 'Manual'", "006SBX000000000725", "crmstatesync report velocity" })
        {
            var (block, outputs) = _guide.StepContaining(marker);
            block = block.Replace("'$TODAY'", "2026-11-23", StringComparison.Ordinal).Replace("'$NEXT_YEAR'", "2027-11-23", StringComparison.Ordinal);
            var printed = new StringBuilder();
            if (block.Contains("curl -s -X PATCH", StringComparison.Ordinal))
            {
                printed.Append(await PatchAsync(http, token, block)).Append('\n');
            }

            foreach (var line in block.Split('\n').Where(l => l.StartsWith("crmstatesync ", StringComparison.Ordinal)))
            {
                printed.Append(Run(line["crmstatesync ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries)));
            }

            if (block.Contains("sqlite3 -readonly", StringComparison.Ordinal))
            {
                printed.Append(Query(block));
            }

            Check(marker, outputs, [printed.ToString()], null);
        }
    }

    private static async Task<string> TokenAsync(HttpClient http)
    {
        using var answer = await http.PostAsync(new Uri("services/oauth2/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "sandbox-client",
            ["client_secret"] = "sandbox-secret",
        }));
        using var json = System.Text.Json.JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("access_token").GetString()!;
    }

    /// <summary>The block's <c>curl -X PATCH … composite/sobjects -d '…'</c>, sent as curl sends it; the answer's body.</summary>
    private static async Task<string> PatchAsync(HttpClient http, string token, string block)
    {
        var body = block[(block.IndexOf("-d '{", StringComparison.Ordinal) + 4)..block.LastIndexOf("'; echo", StringComparison.Ordinal)];
        using var patch = new HttpRequestMessage(HttpMethod.Patch, new Uri("services/data/v62.0/composite/sobjects", UriKind.Relative))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        patch.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var answer = await http.SendAsync(patch);
        // A refused edit would leave every later sample unproven: fail here, with the sandbox's answer.
        Assert.That(answer.IsSuccessStatusCode, Is.True, $"the guide's PATCH was refused: {(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}");
        return await answer.Content.ReadAsStringAsync();
    }

    /// <summary>The block's <c>sqlite3 -readonly FILE "SQL"</c>, printed as sqlite3 prints rows: fields joined by '|'.</summary>
    private static string Query(string block)
    {
        var at = block.IndexOf("sqlite3 -readonly ", StringComparison.Ordinal) + "sqlite3 -readonly ".Length;
        var file = block[at..block.IndexOf(' ', at)];
        var sql = block[(block.IndexOf('"', at) + 1)..block.LastIndexOf('"')];
        using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new StringBuilder();
        while (reader.Read())
        {
            rows.AppendJoin('|', Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : reader.GetValue(i).ToString())).Append('\n');
        }

        return rows.ToString();
    }

    private static async Task<Sandbox> SandboxAsync(string line)
    {
        // The guide's line, on a free port: 5480 may be taken on a shared machine.
        string[] args = [.. line["crmstatesync ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1), "--port", "0"];
        var output = new StringWriter();
        var synchronized = TextWriter.Synchronized(output);
        var stop = new CancellationTokenSource();
        var running = SandboxCommand.Create(synchronized, synchronized, GuideDay).Parse(args)
            .InvokeAsync(new InvocationConfiguration { Output = synchronized, Error = synchronized }, stop.Token);
        for (var waited = 0; !output.ToString().Contains("Try:", StringComparison.Ordinal); waited += 50)
        {
            if (running.IsCompleted || waited > 60_000)
            {
                throw new InvalidOperationException($"the sandbox did not start: {output}");
            }

            await Task.Delay(50);
        }

        var url = System.Text.RegularExpressions.Regex.Match(output.ToString(), @"http://127\.0\.0\.1:\d+/").Value;
        return new Sandbox(new Uri(url), stop, running) { Printed = output.ToString() };
    }

    private sealed class Sandbox(Uri url, CancellationTokenSource stop, Task<int> running) : IAsyncDisposable
    {
        public Uri Url { get; } = url;

        /// <summary>What the sandbox command printed when it started.</summary>
        public string Printed { get; init; } = "";

        public async ValueTask DisposeAsync()
        {
            await stop.CancelAsync();
            await running;
            stop.Dispose();
        }
    }
}
