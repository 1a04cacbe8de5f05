using CrmStateSync.Tests.TestSupport;

namespace CrmStateSync.Tests.Commands;

/// <summary>
/// Malformed input (sync.md "Bad input gets a clear answer"): the problem names the account and the JSON path, the other
/// accounts are still evaluated, and the exit code says some input failed.
/// </summary>
public partial class EvaluateCommandTests
{
    private const string GoodA = """{"id": "acc-a", "opportunities": [{"id": "o-a", "isClosed": true, "isWon": true, "closeDate": "2026-01-05", "type": "NewBusiness"}]}""";
    private const string GoodC = """{"id": "acc-c", "opportunities": [{"id": "o-c", "isClosed": true, "isWon": true, "closeDate": "2026-02-09", "type": "NewBusiness"}]}""";

    [TestCase("""{"id": "acc-b", "goalReviewedOn": "2026-13-01"}""", "acc-b", "$.accounts[1].goalReviewedOn", "'2026-13-01' is not a date (YYYY-MM-DD)", Description = "a bad date")]
    [TestCase("""{"id": "acc-b", "integrationStatus": "Flaky"}""", "acc-b", "$.accounts[1].integrationStatus", "'Flaky' is not one of None, Live, Broken, Removed", Description = "an unknown enum value")]
    [TestCase("""{"id": "acc-b", "contacts": [{"id": "c1", "role": "Sponsor"}]}""", "acc-b", "$.accounts[1].contacts[0].role", "'Sponsor' is not one of ExecSponsor, Champion, User", Description = "an unknown enum value in a list")]
    [TestCase("""{"name": "No Id Inc"}""", "#1", "$.accounts[1].id", "the account id is missing", Description = "a missing id: the account is named by its index")]
    [TestCase("""{"id": "acc-b", "usage": [{"date": "2026-11-20", "activeUsers": -3}]}""", "acc-b", "$.accounts[1].usage[0].activeUsers", "-3 is not a whole number ≥ 0", Description = "a negative count")]
    [TestCase(GoodA, "acc-a", "$.accounts[1].id", "duplicate account id 'acc-a'; the first one was evaluated", Description = "a duplicate id")]
    public void Evaluate_OneMalformedAccount_NamesAccountAndPathAndEvaluatesTheOthers(string bad, string account, string path, string message)
    {
        var input = _temp.Write("snapshots.json", $$"""{"asOf": "2026-11-23", "accounts": [{{GoodA}}, {{bad}}, {{GoodC}}]}""");

        var run = CommandRun.Of("evaluate", "--input", input);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.PartialFailure));
            Assert.That(run.ResultIds(), Is.EqualTo(new[] { "acc-a", "acc-c" }));
            Assert.That(run.Errors(), Is.EqualTo(new[] { (account, path, message) }));
            Assert.That(run.Error, Does.Contain($"account {account}: {path}: {message}"));
        }
    }

    [Test]
    public void Evaluate_AccountWithTextThatIsNotUtf8_NamesItAndEvaluatesTheOthers()
    {
        // A Latin-1 "é" (the byte 0xE9, which UTF-8 text never holds alone) in one account's name used to end the run
        // as "Unexpected failure; this is a bug".
        var input = Path.Combine(_temp.Path, "latin1.json");
        var before = System.Text.Encoding.UTF8.GetBytes("{\"asOf\": \"2026-11-23\", \"accounts\": [" + GoodA + ", {\"id\": \"acc-b\", \"name\": \"Caf");
        var after = System.Text.Encoding.UTF8.GetBytes("\", \"kickoffOn\": \"2026-01-05\"}, " + GoodC + "]}");
        File.WriteAllBytes(input, [.. before, 0xE9, .. after]);

        var run = CommandRun.Of("evaluate", "--input", input);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.PartialFailure), run.Error);
            Assert.That(run.ResultIds(), Is.EqualTo(new[] { "acc-a", "acc-c" }));
            Assert.That(run.Errors(), Is.EqualTo(new[] { ("acc-b", "$.accounts[1].name", "is not valid UTF-8 text (is the file in another encoding?)") }));
        }
    }

    [Test]
    public void Evaluate_JsonSyntaxErrorInOneAccount_NamesAccountAndLineAndKeepsTheAccountsBefore()
    {
        var input = _temp.Write("snapshots.json", $$"""
            {"asOf": "2026-11-23", "accounts": [
            {{GoodA}},
            {"id": "acc-b", "kickoffOn": "2026-01-10" "name": "B"},
            {{GoodC}}
            ]}
            """);

        var run = CommandRun.Of("evaluate", "--input", input);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.PartialFailure));
            Assert.That(run.ResultIds(), Is.EqualTo(new[] { "acc-a" }), "a syntax error ends the read: nothing after it can be trusted");
            Assert.That(run.Errors(), Has.Count.EqualTo(1));
            Assert.That(run.Errors()[0].Account, Is.EqualTo("acc-b"));
            Assert.That(run.Errors()[0].Path, Is.EqualTo("$.accounts[1]"));
            Assert.That(run.Errors()[0].Message, Does.StartWith("invalid JSON at line 3,"));
        }
    }

    [Test]
    public void Evaluate_EveryAccountMalformed_ExitsInputError()
    {
        var input = _temp.Write("snapshots.json", """{"asOf": "2026-11-23", "accounts": [{"id": "acc-b", "goalReviewedOn": "yesterday"}]}""");

        var run = CommandRun.Of("evaluate", "--input", input);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.InputError));
            Assert.That(run.ResultIds(), Is.Empty);
            Assert.That(run.Errors(), Is.EqualTo(new[] { ("acc-b", "$.accounts[0].goalReviewedOn", "'yesterday' is not a date (YYYY-MM-DD)") }));
        }
    }

    [Test]
    public void Evaluate_JsonLinesWithOneBadLine_CostsOnlyThatLine()
    {
        var input = _temp.Write("snapshots.jsonl", $"{GoodA}\n{{\"id\": \"acc-b\", oops}}\n{GoodC}\n");

        var run = CommandRun.Of("evaluate", "--input", input, "--as-of", "2026-11-23");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.PartialFailure));
            Assert.That(run.ResultIds(), Is.EqualTo(new[] { "acc-a", "acc-c" }));
            Assert.That(run.Errors(), Has.Count.EqualTo(1));
            Assert.That(run.Errors()[0].Account, Is.EqualTo("acc-b"));
            Assert.That(run.Errors()[0].Path, Is.EqualTo("line 2"));
            Assert.That(run.Errors()[0].Message, Does.StartWith("invalid JSON"));
        }
    }

    [TestCase("""{"hello": "world"}""", Description = "a JSON object without an accounts array")]
    [TestCase("""{"asOf": "2026-11-23", "accounts": []}""", Description = "an empty accounts array")]
    [TestCase("[]", Description = "an empty bare array")]
    public void Evaluate_InputWithNoAccounts_SaysSoAndExitsInputError(string json)
    {
        var input = _temp.Write("snapshots.json", json);

        var run = CommandRun.Of("evaluate", "--input", input);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.InputError));
            Assert.That(run.Error, Does.Contain(input).And.Contain("holds no accounts"));
            Assert.That(run.Output, Is.Empty);
        }
    }

    [Test]
    public void Evaluate_InputFileMissing_ExitsInputError()
    {
        var run = CommandRun.Of("evaluate", "--input", Path.Combine(_temp.Path, "nowhere.json"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.InputError));
            Assert.That(run.Error, Does.Contain("does not exist"));
            Assert.That(run.Output, Is.Empty);
        }
    }
}
