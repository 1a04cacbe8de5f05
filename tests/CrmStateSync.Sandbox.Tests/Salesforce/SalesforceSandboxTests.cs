using CrmStateSync.Crm.Contract;
using CrmStateSync.Sandbox.Seed;
using CrmStateSync.Sandbox.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace CrmStateSync.Sandbox.Tests.Salesforce;

/// <summary>The real Salesforce connector against the sandbox over loopback HTTP.</summary>
[TestFixture]
[Parallelizable(ParallelScope.None)]
internal sealed class SalesforceSandboxTests
{
    private static readonly SeedData Seed = SandboxSeed.Generate(new SeedOptions { Accounts = 300 });
    private SandboxServer _sandbox = null!;
    private ICrmConnector _connector = null!;
    private ServiceProvider _provider = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _sandbox = new SandboxServer().SeedSalesforce(Seed);
        await _sandbox.StartAsync();
        (_connector, _provider) = Connectors.Salesforce(_sandbox);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _provider.DisposeAsync();
        await _sandbox.DisposeAsync();
    }

    [Test]
    public async Task ReadAll_SeededOrg_ReturnsEveryRecordOnceWithoutProblems()
    {
        var accounts = await _connector.ReadAccountsAsync(ReadCursor.Start, CancellationToken.None).ToListAsync();
        var opportunities = await _connector.ReadOpportunitiesAsync(ReadCursor.Start, CancellationToken.None).ToListAsync();
        var contacts = await _connector.ReadContactsAsync(ReadCursor.Start, CancellationToken.None).ToListAsync();
        var usage = await _connector.ReadUsageAsync(ReadCursor.Start, CancellationToken.None).ToListAsync();

        Assert.Multiple(() =>
        {
            Assert.That(accounts, Has.Count.EqualTo(Seed.Accounts.Count));
            Assert.That(opportunities, Has.Count.EqualTo(Seed.Opportunities));
            Assert.That(contacts, Has.Count.EqualTo(Seed.Contacts));
            Assert.That(usage, Has.Count.EqualTo(Seed.UsageRows));
            Assert.That(usage.Select(u => u.Id).Distinct().Count(), Is.EqualTo(Seed.UsageRows));
            Assert.That(accounts.Sum(c => c.Problems.Count) + opportunities.Sum(c => c.Problems.Count) + contacts.Sum(c => c.Problems.Count) + usage.Sum(c => c.Problems.Count), Is.Zero);
        });
    }

    [Test]
    public async Task ReadAccounts_SeededOrg_MapsInputsThroughTheDefaultMapping()
    {
        var accounts = await _connector.ReadAccountsAsync(ReadCursor.Start, CancellationToken.None).ToListAsync();
        var contacts = await _connector.ReadContactsAsync(ReadCursor.Start, CancellationToken.None).ToListAsync();
        var healthy = accounts.Select(a => a.Record!.Account).First(a => a.OnboardingCompleteOn is not null && a.IntegrationStatus == Rules.Model.IntegrationStatus.Live);

        Assert.Multiple(() =>
        {
            Assert.That(healthy.Segment, Is.AnyOf("Enterprise", "Mid-Market", "SMB"));
            Assert.That(healthy.WorkflowsLive, Is.True);
            Assert.That(contacts.Select(c => c.Id), Does.Contain(healthy.GoalOwnerId), "the goal owner is one of the org's contacts");
            Assert.That(contacts.Where(c => c.Record!.AccountId == healthy.Id).Select(c => c.Record!.Contact.Role), Does.Contain(Rules.Model.ContactRole.ExecSponsor));
            Assert.That(accounts.Select(a => a.LastModifiedBy), Does.Contain("005SBX000000000002"), "seeded by a user, not the integration user");
        });
    }

    [Test]
    public async Task ReadAccounts_AfterAWrite_IncrementalReadReturnsTheWrittenAccountsAsTheWorkersEcho()
    {
        var all = await _connector.ReadAccountsAsync(ReadCursor.Start, CancellationToken.None).ToListAsync();
        var last = all[^1];
        var targets = all.Take(3).Select(a => a.Id).ToList();
        var results = await _connector.WriteAccountsAsync([.. targets.Select(id => new AccountWrite(id, new Dictionary<string, object?> { [ManagedField.Stage] = "Healthy" }))], CancellationToken.None);

        var changed = await _connector.ReadAccountsAsync(new ReadCursor(last.ModifiedAt, last.Id), CancellationToken.None).ToListAsync();

        Assert.Multiple(() =>
        {
            Assert.That(results.All(r => r.Success), Is.True);
            Assert.That(changed.Select(c => c.Id), Is.SupersetOf(targets));
            Assert.That(changed.Where(c => targets.Contains(c.Id)).Select(c => c.LastModifiedBy), Is.All.EqualTo("005SBX000000000001"));
            Assert.That(changed.Where(c => targets.Contains(c.Id)).Select(c => c.Record!.Account.Managed.Stage), Is.All.EqualTo("Healthy"));
            Assert.That(changed, Has.Count.LessThan(all.Count / 2), "the incremental read is proportional to the change, not to the org");
        });
    }

    [Test]
    public async Task WriteAccounts_FailureHooks_ReturnPerRecordErrorsAndKeepTheOthers()
    {
        var ids = (await _connector.ReadAccountsAsync(ReadCursor.Start, CancellationToken.None).ToListAsync()).Skip(10).Take(3).Select(a => a.Id).ToList();
        _sandbox.Salesforce.FailWrites(ids[0], "FIELD_CUSTOM_VALIDATION_EXCEPTION");
        _sandbox.Salesforce.FailWrites(ids[1], "UNABLE_TO_LOCK_ROW", times: 1);
        var writes = ids.Select(id => new AccountWrite(id, new Dictionary<string, object?> { [ManagedField.StageReason] = "sandbox test", [ManagedField.MilestonesCompleted] = 4 })).ToList();

        var first = await _connector.WriteAccountsAsync(writes, CancellationToken.None);
        var second = await _connector.WriteAccountsAsync(writes.Skip(1).ToList(), CancellationToken.None);
        var stored = _sandbox.Salesforce.TableOf("Account").Find(ids[2])!;

        Assert.Multiple(() =>
        {
            Assert.That(first.Select(r => (r.Success, r.Transient)), Is.EqualTo(new[] { (false, false), (false, true), (true, false) }));
            Assert.That(first[0].Errors[0].Code, Is.EqualTo("FIELD_CUSTOM_VALIDATION_EXCEPTION"));
            Assert.That(first[1].Errors[0].Code, Is.EqualTo("UNABLE_TO_LOCK_ROW"));
            Assert.That(second.All(r => r.Success), Is.True, "a locked row succeeds on the retry");
            Assert.That(stored["Lifecycle_Stage_Reason__c"], Is.EqualTo("sandbox test"));
            Assert.That(stored["CS_Milestones_Completed__c"], Is.EqualTo(4.0));
        });
    }

    [Test]
    public async Task WriteAccounts_RestrictedPicklistValue_IsRefusedByTheOrgOrTheConnector()
    {
        var id = _sandbox.Salesforce.TableOf("Account").Ordered()[0].Id;

        var results = await _connector.WriteAccountsAsync([new AccountWrite(id, new Dictionary<string, object?> { [ManagedField.Stage] = "Thriving" })], CancellationToken.None);

        Assert.That(results[0].Success, Is.False);
    }

    [Test]
    public async Task Describe_Account_ReturnsTheMappedFieldsWithTypesAndPicklists()
    {
        var account = await _connector.DescribeAsync(CrmObject.Account, CancellationToken.None);
        var usage = await _connector.DescribeAsync(CrmObject.Usage, CancellationToken.None);
        var fields = account.Fields.ToDictionary(f => f.Name);

        Assert.Multiple(() =>
        {
            Assert.That(fields.Keys, Is.SupersetOf(_sandbox.Salesforce.Mapping.Account.Values));
            Assert.That(fields["Customer_Lifecycle_Stage__c"].Type, Is.EqualTo(CrmFieldType.Picklist));
            Assert.That(fields["Customer_Lifecycle_Stage__c"].Options.Select(o => o.Value), Does.Contain("At-Risk"));
            Assert.That(fields["Lifecycle_Healthy_Entry_Date__c"].Type, Is.EqualTo(CrmFieldType.Date));
            Assert.That(fields["SystemModstamp"].Type, Is.EqualTo(CrmFieldType.DateTime));
            Assert.That(fields["CS_Milestone_Stalled__c"].Type, Is.EqualTo(CrmFieldType.Boolean));
            Assert.That(usage.Name, Is.EqualTo("CS_Usage__c"));
            Assert.That(usage.Fields.Select(f => f.Name), Does.Contain("CS_Projects_Created__c"));
        });
    }

    [Test]
    public async Task CreateTask_ForAnAccount_IsStoredWithItsWhatId()
    {
        var account = _sandbox.Salesforce.TableOf("Account").Ordered()[0].Id;

        var id = (await _connector.CreateTaskAsync(new TaskRequest(account, null, "Re-establish the departed Champion", "why", new DateOnly(2026, 12, 1)), CancellationToken.None)).TaskId!;

        var task = _sandbox.Salesforce.TableOf("Task").Find(id);
        Assert.Multiple(() =>
        {
            Assert.That(id, Does.StartWith("00T"));
            Assert.That(task?["WhatId"], Is.EqualTo(account));
            Assert.That(task?["ActivityDate"], Is.EqualTo(new DateOnly(2026, 12, 1)));
        });
    }

    [Test]
    public async Task FindOpenTask_MarkedTasks_FindsTheOpenOneOfThatAccountIgnoringClosedAndOtherAccounts()
    {
        var (a, b) = (_sandbox.Salesforce.TableOf("Account").Ordered()[0].Id, _sandbox.Salesforce.TableOf("Account").Ordered()[1].Id);
        const string marker = "[crmstatesync:OutcomeReview:x]";
        var none = await _connector.FindOpenTaskAsync(a, marker, CancellationToken.None);
        var closed = await CreateMarkedTaskAsync(a, marker);
        _sandbox.Salesforce.TableOf("Task").Update(closed, r => r with { Fields = new Dictionary<string, object?>(r.Fields) { ["Status"] = "Completed" } });
        var onlyClosed = await _connector.FindOpenTaskAsync(a, marker, CancellationToken.None);
        await CreateMarkedTaskAsync(b, marker);
        var open = await CreateMarkedTaskAsync(a, marker);

        var found = await _connector.FindOpenTaskAsync(a, marker, CancellationToken.None);

        Assert.That((none, onlyClosed, found), Is.EqualTo(((string?)null, (string?)null, open)));
    }

    private async Task<string> CreateMarkedTaskAsync(string account, string marker) =>
        (await _connector.CreateTaskAsync(new TaskRequest(account, null, "Capture an outcome", "why", new DateOnly(2026, 12, 1)) { Marker = marker }, CancellationToken.None)).TaskId!;

    [Test]
    public async Task Usage_AfterCalls_ReportsTheOrgsLimitFromSforceLimitInfo()
    {
        await _connector.DescribeAsync(CrmObject.Contact, CancellationToken.None);

        Assert.That(_connector.Usage.Max, Is.EqualTo(_sandbox.Options.SalesforceDailyApiMax));
        Assert.That(_connector.Usage.Used, Is.GreaterThan(0));
    }
}
