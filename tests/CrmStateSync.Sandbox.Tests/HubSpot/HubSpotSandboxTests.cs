using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CrmStateSync.Crm.Contract;
using CrmStateSync.Crm.HubSpot;
using CrmStateSync.Sandbox.Seed;
using CrmStateSync.Sandbox.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace CrmStateSync.Sandbox.Tests.HubSpot;

/// <summary>The real HubSpot connector and plain HTTP against the sandbox's HubSpot subset.</summary>
[TestFixture]
internal sealed class HubSpotSandboxTests
{
    [Test]
    public async Task ReadAll_SeededPortal_ReturnsEveryRecordWithItsCompany()
    {
        var seed = SandboxSeed.Generate(new SeedOptions { Accounts = 60 });
        await using var sandbox = new SandboxServer().SeedHubSpot(seed);
        await sandbox.StartAsync();
        await using var provider = Provider(sandbox);
        var connector = provider.GetRequiredService<ICrmConnector>();

        var accounts = await connector.ReadAccountsAsync(ReadCursor.Start, CancellationToken.None).ToListAsync();
        var deals = await connector.ReadOpportunitiesAsync(ReadCursor.Start, CancellationToken.None).ToListAsync();
        var contacts = await connector.ReadContactsAsync(ReadCursor.Start, CancellationToken.None).ToListAsync();
        var usage = await connector.ReadUsageAsync(ReadCursor.Start, CancellationToken.None).ToListAsync();
        var ids = accounts.Select(a => a.Id).ToHashSet();

        Assert.Multiple(() =>
        {
            Assert.That(accounts, Has.Count.EqualTo(seed.Accounts.Count));
            Assert.That(deals, Has.Count.EqualTo(seed.Opportunities));
            Assert.That(contacts, Has.Count.EqualTo(seed.Contacts));
            Assert.That(usage, Has.Count.EqualTo(seed.UsageRows));
            Assert.That(deals.Select(d => d.Record!.AccountId), Is.All.Matches<string>(ids.Contains), "deal→company associations");
            Assert.That(accounts.Sum(a => a.Problems.Count) + deals.Sum(d => d.Problems.Count) + usage.Sum(u => u.Problems.Count), Is.Zero);
        });
    }

    [Test]
    public async Task Write_ThenIncrementalRead_ReturnsTheWrittenCompaniesAnd207ForARefusedOne()
    {
        await using var sandbox = new SandboxServer().SeedHubSpot(SandboxSeed.Generate(new SeedOptions { Accounts = 50, Children = false }));
        await sandbox.StartAsync();
        await using var provider = Provider(sandbox);
        var connector = provider.GetRequiredService<ICrmConnector>();
        var all = await connector.ReadAccountsAsync(ReadCursor.Start, CancellationToken.None).ToListAsync();
        var latest = all.MaxBy(a => a.ModifiedAt)!;
        var targets = all.Take(3).Select(a => a.Id).ToList();
        sandbox.HubSpot.FailWrites(targets[2]);

        var results = await connector.WriteAccountsAsync([.. targets.Select(id => new AccountWrite(id, new Dictionary<string, object?> { [ManagedField.Stage] = "Healthy" }))], CancellationToken.None);
        var changed = await connector.ReadAccountsAsync(new ReadCursor(latest.ModifiedAt, latest.Id), CancellationToken.None).ToListAsync();

        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.Success), Is.EqualTo(new[] { true, true, false }));
            Assert.That(results[2].Errors[0].Code, Is.EqualTo("VALIDATION_ERROR"));
            Assert.That(sandbox.HubSpot.TableOf("Account").Find(targets[0])!["cs_lifecycle_stage"], Is.EqualTo("healthy"));
            Assert.That(changed.Select(c => c.Id), Is.SupersetOf(targets.Take(2)));
        });
    }

    [Test]
    public async Task Search_PastTenThousand_Is400AndTheConnectorSplitsTheWindow()
    {
        await using var sandbox = new SandboxServer().SeedHubSpot(SandboxSeed.Generate(new SeedOptions { Accounts = 10_050, Children = false }));
        await sandbox.StartAsync();
        using var http = Http(sandbox);
        await using var provider = Provider(sandbox);
        var connector = provider.GetRequiredService<ICrmConnector>();

        using var past = await http.PostAsJsonAsync(new Uri(sandbox.Url, "/crm/v3/objects/companies/search"), new { filterGroups = Array.Empty<object>(), limit = 100, after = "9950" });
        var changed = await connector.ReadAccountsAsync(new ReadCursor(DateTimeOffset.UtcNow.AddDays(-8), null), CancellationToken.None).ToListAsync();

        Assert.Multiple(() =>
        {
            Assert.That(past.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(changed.Select(c => c.Id).Distinct().Count(), Is.EqualTo(10_050));
        });
    }

    [Test]
    public async Task EnforcedBudget_PastTheWindow_Is429TenSecondlyRollingWithItsHeaders()
    {
        await using var sandbox = new SandboxServer(new SandboxOptions { HubSpotEnforceBudget = true, HubSpotTenSecondLimit = 3 });
        sandbox.SeedHubSpot(SandboxSeed.Generate(new SeedOptions { Accounts = 5, Children = false }));
        await sandbox.StartAsync();
        using var http = Http(sandbox);

        for (var i = 0; i < 3; i++)
        {
            using var ok = await http.GetAsync(new Uri(sandbox.Url, "/crm/v3/objects/companies?limit=1"));
            Assert.That(ok.Headers.GetValues("X-HubSpot-RateLimit-Remaining").Single(), Is.EqualTo((2 - i).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        using var limited = await http.GetAsync(new Uri(sandbox.Url, "/crm/v3/objects/companies?limit=1"));
        using var body = JsonDocument.Parse(await limited.Content.ReadAsStringAsync());

        Assert.Multiple(() =>
        {
            Assert.That((int)limited.StatusCode, Is.EqualTo(429));
            Assert.That(body.RootElement.GetProperty("errorType").GetString(), Is.EqualTo("RATE_LIMIT"));
            Assert.That(body.RootElement.GetProperty("policyName").GetString(), Is.EqualTo("TEN_SECONDLY_ROLLING"));
            Assert.That(limited.Headers.GetValues("X-HubSpot-RateLimit-Interval-Milliseconds").Single(), Is.EqualTo("10000"));
            Assert.That(sandbox.HubSpot.RateLimited, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Search_PastFivePerSecond_Is429SecondlyUntilTheSecondHasPassed()
    {
        var clock = new ManualTimestamps();
        await using var sandbox = new SandboxServer(new SandboxOptions { Clock = clock });
        sandbox.SeedHubSpot(SandboxSeed.Generate(new SeedOptions { Accounts = 5, Children = false }));
        await sandbox.StartAsync();
        using var http = Http(sandbox);
        var search = new Uri(sandbox.Url, "/crm/v3/objects/companies/search");
        var within = new List<HttpStatusCode>();
        for (var i = 0; i < sandbox.Options.HubSpotSearchesPerSecond; i++)
        {
            using var ok = await http.PostAsJsonAsync(search, new { limit = 1 });
            within.Add(ok.StatusCode);
        }

        using var list = await http.GetAsync(new Uri(sandbox.Url, "/crm/v3/objects/companies?limit=1"));
        using var limited = await http.PostAsJsonAsync(search, new { limit = 1 });
        using var body = JsonDocument.Parse(await limited.Content.ReadAsStringAsync());
        clock.Advance(TimeSpan.FromSeconds(1));
        using var later = await http.PostAsJsonAsync(search, new { limit = 1 });

        Assert.Multiple(() =>
        {
            Assert.That(within, Is.All.EqualTo(HttpStatusCode.OK), "five searches in one second (crm-apis.md: about 5/s)");
            Assert.That(list.StatusCode, Is.EqualTo(HttpStatusCode.OK), "a list does not count against the search limit");
            Assert.That((int)limited.StatusCode, Is.EqualTo(429));
            Assert.That(body.RootElement.GetProperty("errorType").GetString(), Is.EqualTo("RATE_LIMIT"));
            Assert.That(body.RootElement.GetProperty("policyName").GetString(), Is.EqualTo("SECONDLY"));
            Assert.That(later.StatusCode, Is.EqualTo(HttpStatusCode.OK), "a second later the search is admitted again");
            Assert.That(sandbox.HubSpot.SearchRateLimited, Is.EqualTo(1));
            Assert.That(sandbox.Requests.Counts["429 POST /crm/v3/objects/{type}/search"], Is.EqualTo(1), "429s are counted apart by route");
        });
    }

    [Test]
    public async Task Describe_Companies_ListsTheMappedPropertiesWithEnumerationOptions()
    {
        await using var sandbox = new SandboxServer();
        await sandbox.StartAsync();
        await using var provider = Provider(sandbox);

        var companies = await provider.GetRequiredService<ICrmConnector>().DescribeAsync(CrmObject.Account, CancellationToken.None);
        var stage = companies.Fields.Single(f => f.Name == "cs_lifecycle_stage");

        Assert.That(companies.Fields.Select(f => f.Name), Is.SupersetOf(sandbox.HubSpot.Mapping.Account.Values));
        Assert.That(stage.Options.Select(o => o.Value), Does.Contain("at_risk"));
    }

    [Test]
    public async Task FindOpenTask_MarkedTasks_FindsTheOpenOneOfThatCompanyIgnoringCompletedAndOtherCompanies()
    {
        await using var sandbox = new SandboxServer().SeedHubSpot(SandboxSeed.Generate(new SeedOptions { Accounts = 2, Children = false }));
        await sandbox.StartAsync();
        await using var provider = Provider(sandbox);
        var connector = provider.GetRequiredService<ICrmConnector>();
        var (a, b) = (sandbox.HubSpot.TableOf("Account").Ordered()[0].Id, sandbox.HubSpot.TableOf("Account").Ordered()[1].Id);
        const string marker = "[crmstatesync:OutcomeReview:x]";
        async Task<string> Create(string company) => (await connector.CreateTaskAsync(new TaskRequest(company, null, "Capture an outcome", "why", new DateOnly(2026, 12, 1)) { Marker = marker }, CancellationToken.None)).TaskId!;
        var none = await connector.FindOpenTaskAsync(a, marker, CancellationToken.None);
        var completed = await Create(a);
        sandbox.HubSpot.TableOf("Task").Update(completed, r => r with { Fields = new Dictionary<string, object?>(r.Fields) { ["hs_task_status"] = "COMPLETED" } });
        await Create(b);
        var open = await Create(a);

        var found = await connector.FindOpenTaskAsync(a, marker, CancellationToken.None);

        Assert.That((none, found), Is.EqualTo(((string?)null, open)));
    }

    private static ServiceProvider Provider(SandboxServer sandbox)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddHubSpotConnector(o =>
        {
            o.BaseUrl = sandbox.Url;
            o.AccessToken = sandbox.Options.HubSpotToken;
            o.RequestsPer10Seconds = 190;
            o.Resilience = Connectors.Fast();
        });
        return services.BuildServiceProvider();
    }

    private static HttpClient Http(SandboxServer sandbox)
    {
        var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", sandbox.Options.HubSpotToken);
        return http;
    }

    /// <summary>A clock whose timestamps move only when the test says (the sandbox's rate windows use timestamps).</summary>
    private sealed class ManualTimestamps : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Interlocked.Read(ref _ticks);

        public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
    }
}
