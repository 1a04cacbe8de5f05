using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CrmStateSync.Tests.TestSupport;

namespace CrmStateSync.Tests.Commands;

/// <summary>
/// <c>evaluate</c> streams (issue 12): JSON and JSON Lines input read account by account give the same results;
/// <c>--format jsonl</c> prints the same result objects one per line; accounts that span the reader's 1 MiB window,
/// or are larger than it, are read whole; a truncated file names the account and the place.
/// </summary>
public partial class EvaluateCommandTests
{
    [Test]
    public void Evaluate_SamplesAsJsonLines_GiveTheSameResultsAsTheJsonDocument()
    {
        var lines = _temp.Write("snapshots.jsonl", string.Join("\n", SampleAccounts()) + "\n");

        var fromLines = CommandRun.Of("evaluate", "--input", lines, "--as-of", AsOf);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(fromLines.ExitCode, Is.EqualTo(ExitCodes.Success), fromLines.Error);
            Assert.That(JsonNode.DeepEquals(Node(fromLines.Output)["results"], Node(_samples.Output)["results"]), Is.True);
            Assert.That(fromLines.ResultIds(), Has.Count.EqualTo(19));
        }
    }

    [Test]
    public void Evaluate_FormatJsonl_PrintsOneResultPerLineEqualToTheJsonItems()
    {
        var run = CommandRun.Of("evaluate", "--input", RepoPaths.Snapshots, "--format", "jsonl");
        var items = Node(_samples.Output)["results"]!.AsArray();
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.Error);
            Assert.That(lines, Has.Length.EqualTo(items.Count));
            for (var i = 0; i < lines.Length; i++)
            {
                Assert.That(JsonNode.DeepEquals(Node(lines[i]), items[i]), Is.True, $"line {i + 1}");
            }
        }
    }

    [Test]
    public void Evaluate_FormatJsonlWithAMalformedAccount_PrintsOnlyResultsAndTheProblemOnStderr()
    {
        var input = _temp.Write("snapshots.json", $$"""{"asOf": "2026-11-23", "accounts": [{{GoodA}}, {"id": "acc-b", "kickoffOn": "soon"}, {{GoodC}}]}""");

        var run = CommandRun.Of("evaluate", "--input", input, "--format", "jsonl");
        var ids = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => Node(l)["id"]!.GetValue<string>());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.PartialFailure));
            Assert.That(ids, Is.EqualTo(new[] { "acc-a", "acc-c" }));
            Assert.That(run.Error, Does.Contain("account acc-b: $.accounts[1].kickoffOn: 'soon' is not a date (YYYY-MM-DD)"));
        }
    }

    [TestCase("snapshots.json")]
    [TestCase("snapshots.jsonl")]
    [TestCase("snapshots.ndjson")]
    public void Evaluate_ThousandsOfAccountsAcrossReadWindows_EvaluatesEveryOneInInputOrder(string name)
    {
        var ids = Enumerable.Range(0, 3000).Select(i => $"acc-{i:D5}").ToList();
        var accounts = ids.Select(id => Account(id, usageDays: 10)).ToList();
        var json = name.EndsWith(".json", StringComparison.Ordinal) ? $"{{\"asOf\": \"{AsOf}\", \"accounts\": [\n{string.Join(",\n", accounts)}\n]}}" : string.Join("\n", accounts);
        var input = _temp.Write(name, json);

        var run = CommandRun.Of("evaluate", "--input", input, "--as-of", AsOf);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(new FileInfo(input).Length, Is.GreaterThan(2 << 20), "the input spans several 1 MiB windows");
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.Error);
            Assert.That(run.ResultIds(), Is.EqualTo(ids));
        }
    }

    [TestCase("snapshots.json")]
    [TestCase("snapshots.jsonl")]
    public void Evaluate_AccountLargerThanTheReadWindow_IsReadWhole(string name)
    {
        var big = Account("acc-big", usageDays: 30_000);
        var input = _temp.Write(name, name.EndsWith(".json", StringComparison.Ordinal) ? $"[{GoodA}, {big}, {GoodC}]" : $"{GoodA}\n{big}\n{GoodC}\n");

        var run = CommandRun.Of("evaluate", "--input", input, "--as-of", AsOf);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Encoding.UTF8.GetByteCount(big), Is.GreaterThan(1 << 20));
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.Error);
            Assert.That(run.ResultIds(), Is.EqualTo(new[] { "acc-a", "acc-big", "acc-c" }));
        }
    }

    [Test]
    public void Evaluate_TruncatedDocument_NamesTheAccountAndTheLineAndKeepsTheAccountsBefore()
    {
        var accounts = Enumerable.Range(0, 2000).Select(i => Account($"acc-{i:D5}", usageDays: 10)).ToList();
        var whole = $"{{\"asOf\": \"{AsOf}\", \"accounts\": [\n{string.Join(",\n", accounts)}\n]}}";
        var cut = whole.IndexOf("\"id\": \"acc-01500\"", StringComparison.Ordinal) + 40;
        var input = _temp.Write("snapshots.json", whole[..cut]);

        var run = CommandRun.Of("evaluate", "--input", input);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.PartialFailure));
            Assert.That(run.ResultIds(), Has.Count.EqualTo(1500));
            Assert.That(run.Errors(), Has.Count.EqualTo(1));
            Assert.That(run.Errors()[0].Account, Is.EqualTo("acc-01500"));
            Assert.That(run.Errors()[0].Path, Is.EqualTo("$.accounts[1500]"));
            Assert.That(run.Errors()[0].Message, Does.StartWith("invalid JSON at line 1502, byte "));
            Assert.That(run.Error, Does.Contain("account acc-01500: $.accounts[1500]: invalid JSON at line 1502"));
        }
    }

    [Test]
    public void Evaluate_TruncatedLastLineOfJsonLines_NamesTheLineAndEvaluatesTheOthers()
    {
        var input = _temp.Write("snapshots.jsonl", $"{GoodA}\n{GoodC}\n{{\"id\": \"acc-d\", \"usage\": [{{\"da");

        var run = CommandRun.Of("evaluate", "--input", input, "--as-of", AsOf);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.PartialFailure));
            Assert.That(run.ResultIds(), Is.EqualTo(new[] { "acc-a", "acc-c" }));
            Assert.That(run.Errors(), Has.Count.EqualTo(1));
            Assert.That(run.Errors()[0].Account, Is.EqualTo("acc-d"));
            Assert.That(run.Errors()[0].Path, Is.EqualTo("line 3"));
            Assert.That(run.Errors()[0].Message, Does.StartWith("invalid JSON at byte "));
        }
    }

    [Test]
    public void Evaluate_AsOfAfterTheAccounts_IsStillTheEvaluationDate()
    {
        var input = _temp.Write("snapshots.json", $$"""{"accounts": [{{GoodA}}], "asOf": "2026-03-14"}""");

        var run = CommandRun.Of("evaluate", "--input", input);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.Error);
            Assert.That(run.Json().Text("asOf"), Is.EqualTo("2026-03-14"));
        }
    }

    [TestCase("snapshots.jsonl", "\n\n  \n", "json", Description = "JSON Lines with blank lines only")]
    [TestCase("snapshots.jsonl", "", "jsonl", Description = "an empty JSON Lines file, jsonl output")]
    [TestCase("snapshots.json", """{"asOf": "2026-11-23", "accounts": []}""", "jsonl", Description = "an empty accounts array, jsonl output")]
    public void Evaluate_NoAccountsInAnyFormat_SaysSoAndExitsInputError(string name, string content, string format)
    {
        var input = _temp.Write(name, content);

        var run = CommandRun.Of("evaluate", "--input", input, "--format", format);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.InputError));
            Assert.That(run.Error, Does.Contain("holds no accounts"));
            Assert.That(run.Output, Is.Empty);
        }
    }

    [Test]
    public void Evaluate_InputWithByteOrderMark_IsRead()
    {
        var input = Path.Combine(_temp.Path, "snapshots.json");
        File.WriteAllText(input, $"[{GoodA}]", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        var run = CommandRun.Of("evaluate", "--input", input, "--as-of", AsOf);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.Error);
            Assert.That(run.ResultIds(), Is.EqualTo(new[] { "acc-a" }));
        }
    }

    [Test]
    public void Evaluate_UnknownFormat_ExitsConfigurationError()
    {
        var run = CommandRun.Of("evaluate", "--input", RepoPaths.Snapshots, "--format", "csv");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.ConfigurationError));
            Assert.That(run.Error, Does.Contain("csv"));
            Assert.That(run.Output, Is.Empty);
        }
    }

    private static JsonNode Node(string json) => JsonNode.Parse(json)!;

    /// <summary>Each account of samples/snapshots.json as its own compact JSON text.</summary>
    private static IEnumerable<string> SampleAccounts()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(RepoPaths.Snapshots));
        return [.. doc.RootElement.GetProperty("accounts").EnumerateArray().Select(a => JsonSerializer.Serialize(a))];
    }

    /// <summary>A won account with <paramref name="usageDays"/> daily usage rows ending on the as-of date.</summary>
    private static string Account(string id, int usageDays)
    {
        var end = DateOnly.Parse(AsOf, System.Globalization.CultureInfo.InvariantCulture);
        var usage = Enumerable.Range(0, usageDays)
            .Select(d => $$"""{"date": "{{end.AddDays(-d % 3000):yyyy-MM-dd}}", "activeUsers": 3, "valueActions": 2, "coreEvents": 40}""");
        return $$"""{"id": "{{id}}", "opportunities": [{"id": "{{id}}-o", "isClosed": true, "isWon": true, "closeDate": "2026-01-05", "type": "NewBusiness"}], "usage": [{{string.Join(", ", usage)}}]}""";
    }
}
