using CrmStateSync.Crm.Contract;
using CrmStateSync.Rules.Model;
using CrmStateSync.Store;
using CrmStateSync.Sync.Diff;

namespace CrmStateSync.Tests.Commands;

/// <summary>Issue 13 item 8: <c>conflicts list</c> names the account and prints the whole rule, in every format.</summary>
public partial class ConflictsCommandTests
{
    private const string LongRule =
        "Review: left for an admin because the field group's ownership policy is Review; the computed value differs from the human edit, "
        + "and the worker will not overwrite it until someone decides";

    private async Task NameAndLongRuleAsync()
    {
        await using var store = await SqliteSyncStore.OpenAsync(_database, OrgId, "salesforce");
        await store.UpsertAccountAsync(new AccountRecord(new AccountSnapshot { Id = "001A", Name = "Northwind Traders" }), DateTimeOffset.UnixEpoch, default);
        await store.AddConflictAsync(new NewConflict("001A", "state:goalClarity", "Reset", "Hit", ConflictAction.Open, LongRule, new DateOnly(2026, 11, 23)), default);
    }

    [Test]
    public async Task List_Table_NamesTheAccountAndWrapsTheWholeRule()
    {
        await NameAndLongRuleAsync();

        var run = Conflicts("list");

        var lines = run.Output.Split(Environment.NewLine);
        var ruleColumn = lines[0].IndexOf("rule", StringComparison.Ordinal);
        var rule = string.Join(' ', lines.Skip(1).SkipWhile(l => !l.StartsWith("5 ", StringComparison.Ordinal)).TakeWhile(l => !l.Contains("conflict(s)", StringComparison.Ordinal))
            .Where(l => l.Length > ruleColumn).Select(l => l[ruleColumn..].Trim()));
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.Error);
            Assert.That(run.Output, Does.Contain("Northwind Traders (001A)"), "the name, with the CRM id");
            Assert.That(run.Output, Does.Contain("001B"), "an account the cache does not hold shows its id");
            Assert.That(rule, Is.EqualTo(LongRule), "the rule, wrapped, not cut");
            Assert.That(run.Output, Does.Not.Contain("…"));
        });
    }

    [Test]
    public async Task List_CsvAndJson_CarryTheNameAndTheWholeRule()
    {
        await NameAndLongRuleAsync();

        var csv = Conflicts("list", "--format", "csv");
        var json = Conflicts("list", "--format", "json").Json().GetProperty("conflicts")[4];

        Assert.Multiple(() =>
        {
            Assert.That(csv.Output.Split("\r\n")[5], Does.StartWith("5,2026-11-23,001A,state:goalClarity,Reset,Hit,Open,\"" + LongRule + "\",,,Northwind Traders,,"));
            Assert.That(json.GetProperty("accountName").GetString(), Is.EqualTo("Northwind Traders"));
            Assert.That(json.GetProperty("rule").GetString(), Is.EqualTo(LongRule));
        });
    }

    [Test]
    public async Task List_AccountByName_FindsItsConflicts()
    {
        await NameAndLongRuleAsync();

        var run = Conflicts("list", "--account", "Northwind Traders", "--format", "json");

        Assert.That(Ids(run), Is.EqualTo(new long[] { 1, 3, 5 }));
    }

    [Test]
    public async Task Resolve_WithBy_ShowsWhoAndThatItIsNotAppliedYet()
    {
        await NameAndLongRuleAsync();

        var resolve = Conflicts("resolve", "5", "--keep", "engine", "--by", "ada");
        var show = Conflicts("show", "5");

        Assert.Multiple(() =>
        {
            Assert.That(resolve.ExitCode, Is.EqualTo(ExitCodes.Success), resolve.Error);
            Assert.That(resolve.Output, Does.Contain("on account Northwind Traders (001A)").And.Contain("the next cycle"));
            Assert.That(show.Output, Does.Match(@"resolved\s+2026-11-23 \(kept engine\) by ada, not applied yet"));
        });
    }
}
