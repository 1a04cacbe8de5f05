using System.Text.RegularExpressions;
using CrmStateSync.Crm.Contract;
using CrmStateSync.Rules.Model;
using CrmStateSync.Rules.Stages;
using CrmStateSync.Store;

namespace CrmStateSync.Tests.AdminConsole;

/// <summary>
/// The reports page: the velocity, distribution and divergence reports with their SVG charts, drawn without any inline
/// style (the console's Content-Security-Policy would refuse it), names escaped, and computed once per finished run.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed partial class ReportsPageTests
{
    private const string Attack = "<script>alert(1)</script>";

    [Test]
    public async Task The_page_shows_the_three_reports_with_their_charts_and_no_inline_style()
    {
        await using var console = await ConsoleHarness.StartAsync(SeedAsync);
        using var client = await console.SignedInAsync(ConsoleHarness.Viewer);

        var page = await client.GetStringAsync("/reports");

        Assert.That(page, Does.Contain("<section id=\"distribution\">").And.Contain("<section id=\"velocity\">").And.Contain("<section id=\"divergence\">"));
        foreach (var chart in new[] { "chart-funnel", "chart-time-in-stage", "chart-time-to-value" })
        {
            Assert.That(page, Does.Match($"<svg id=\"{chart}\" class=\"chart\"[^>]*>"), chart);
        }

        Assert.That(page, Does.Not.Contain("<style").And.Not.Contain("style="), "the CSP allows only the console's stylesheet");
        Assert.That(page, Does.Match(Cells("Adopting", "2", "50.0%")), "A1 and A2 are Adopting on the as-of date");
        Assert.That(page, Does.Match(Cells("Onboarding", "1", "25.0%")).And.Match(Cells("New Customer", "1", "25.0%")));
        Assert.That(page, Does.Contain("run #1 · computed"));
    }

    [Test]
    public async Task An_account_name_in_a_report_table_is_escaped_by_the_renderer()
    {
        await using var console = await ConsoleHarness.StartAsync(SeedAsync);
        using var client = await console.SignedInAsync();

        var page = await client.GetStringAsync("/reports");

        Assert.That(DivergenceRow().Match(page).Groups[1].Value, Is.EqualTo("&lt;script&gt;alert(1)&lt;/script&gt;"));
        Assert.That(page, Does.Not.Contain("<script"));
    }

    [Test]
    public async Task The_reports_are_kept_until_a_new_run_finishes_and_then_computed_again()
    {
        await using var console = await ConsoleHarness.StartAsync(SeedAsync);
        using var client = await console.SignedInAsync();
        var before = await client.GetStringAsync("/reports");

        await using (var store = await SqliteSyncStore.OpenAsync(console.StorePath, ConsoleHarness.OrgId, "salesforce", time: console.Site.Clock))
        {
            await AccountAsync(store, "A5", "Epsilon", ("2026-09-01", "New Customer"), ("2026-09-10", "Onboarding"), ("2026-10-01", "Adopting"));
            var during = await client.GetStringAsync("/reports");
            Assert.That(during, Does.Match(Cells("Adopting", "2", "50.0%")).And.Contain("run #1 ·"), "no run finished: the cached reports");
            await store.FinishRunAsync(await store.StartRunAsync("sync", default), "ok", new RunCounts(1, 1), default);
        }

        var after = await client.GetStringAsync("/reports");

        Assert.That(before, Does.Match(Cells("Adopting", "2", "50.0%")));
        Assert.That(after, Does.Match(Cells("Adopting", "3", "60.0%")).And.Contain("run #2 ·"));
    }

    [Test]
    public async Task The_stuck_list_shows_the_longest_hundred_and_says_how_many_there_are()
    {
        // 105 accounts stuck in Onboarding, the n-th since n days before 2026-06-01 (more than 90 days before the as-of date).
        await using var console = await ConsoleHarness.StartAsync(async store =>
        {
            for (var n = 0; n < 105; n++)
            {
                var since = new DateOnly(2026, 6, 1).AddDays(-n).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                await AccountAsync(store, $"S{n:D3}", $"Stuck {n:D3}", ("2025-01-01", "New Customer"), (since, "Onboarding"));
            }

            await store.FinishRunAsync(await store.StartRunAsync("sync", default), "ok", new RunCounts(105, 105), default);
        });
        using var client = await console.SignedInAsync();

        var page = await client.GetStringAsync("/reports");
        var stuck = StuckTable().Match(page).Groups[1].Value;

        Assert.That(page, Does.Contain("shows the 100 longest of 105 stuck accounts"));
        Assert.That(Regex.Count(stuck, "<tr>") - 1, Is.EqualTo(100), "a header row and the hundred longest");
        Assert.That(stuck, Does.Contain("<td>S104</td>").And.Not.Contain("<td>S004</td>"), "the longest kept, the shortest left out");
    }

    /// <summary>
    /// A1, A2: New Customer → Onboarding → Adopting (time to value 40 and 70 days); A3: New Customer → Onboarding;
    /// A4 (named like an attack): New Customer, diverging. One finished run.
    /// </summary>
    private static async Task SeedAsync(SqliteSyncStore store)
    {
        await AccountAsync(store, "A1", "Alpha", ("2026-01-01", "New Customer"), ("2026-01-10", "Onboarding"), ("2026-02-10", "Adopting"));
        await AccountAsync(store, "A2", "Beta", ("2026-02-01", "New Customer"), ("2026-02-20", "Onboarding"), ("2026-04-12", "Adopting"));
        await AccountAsync(store, "A3", "Gamma", ("2026-05-01", "New Customer"), ("2026-05-20", "Onboarding"));
        await AccountAsync(store, "A4", Attack, ("2026-10-01", "New Customer"));
        var writes = new[]
        {
            Written("A1", ("stageEntryDate:New Customer", "2026-01-01"), ("stageEntryDate:Adopting", "2026-02-10")),
            Written("A2", ("stageEntryDate:New Customer", "2026-02-01"), ("stageEntryDate:Adopting", "2026-04-12")),
            Written("A4", ("divergence", "Hidden risk: Goal Clarity Reset"), ("state:goalClarity", "Reset")),
        };
        var batch = await store.BeginBatchAsync([.. writes.Select(w => new JournalWrite(w))], default);
        await store.CompleteBatchAsync(batch, [.. writes.Select(w => WriteResult.Ok(w.AccountId))], default);
        await store.FinishRunAsync(await store.StartRunAsync("sync", default), "ok", new RunCounts(4, 4, 3), default);
    }

    private static async Task AccountAsync(SqliteSyncStore store, string id, string name, params (string On, string To)[] path)
    {
        await store.UpsertAccountAsync(new AccountRecord(new AccountSnapshot { Id = id, Name = name, Segment = "SMB" }), DateTimeOffset.UnixEpoch, default);
        string? from = null;
        foreach (var (on, to) in path)
        {
            await store.AppendTransitionAsync(id, new Transition(from, to, DateOnly.ParseExact(on, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), StageSource.Automated, $"{to} since {on}"), default);
            from = to;
        }
    }

    /// <summary>A table row's first cells, as the renderer indents them.</summary>
    private static string Cells(params string[] cells) => string.Join("\\s*", cells.Select(c => $"<td>{Regex.Escape(c)}</td>"));

    private static AccountWrite Written(string id, params (string Field, string Value)[] values) =>
        new(id, values.ToDictionary(v => v.Field, v => (object?)v.Value));

    [GeneratedRegex("<table[^>]*table-stuck[^>]*>(.*?)</table>", RegexOptions.Singleline)]
    private static partial Regex StuckTable();

    [GeneratedRegex("<td>1</td>\\s*<td>A4</td>\\s*<td>([^<]*)</td>")]
    private static partial Regex DivergenceRow();
}
