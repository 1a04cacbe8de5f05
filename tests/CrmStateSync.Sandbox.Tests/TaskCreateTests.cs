using CrmStateSync.Crm.Contract;
using CrmStateSync.Sandbox.Data;
using CrmStateSync.Sandbox.Seed;
using CrmStateSync.Sandbox.Tests.TestSupport;

namespace CrmStateSync.Sandbox.Tests;

/// <summary>
/// sync.md "Tasks exactly once", with the real connectors over loopback HTTP: the sandbox serves both batch create
/// endpoints and can reset the connection after the tasks landed; the connector then reports the fate unknown and does
/// not resend, and the lookup by marker finds the one task.
/// </summary>
[Parallelizable(ParallelScope.None)]
internal sealed class TaskCreateTests
{
    [TestCase("salesforce")]
    [TestCase("hubspot")]
    public async Task CreateTasks_ConnectionResetAfterTheTasksLanded_ExactlyOneTaskEachFoundByItsMarker(string crm)
    {
        await using var sandbox = Seeded(crm, 3);
        await sandbox.StartAsync();
        var (connector, provider) = crm == "hubspot" ? Connectors.HubSpot(sandbox) : Connectors.Salesforce(sandbox);
        await using var _ = provider;
        var accounts = Accounts(sandbox, crm).Ordered().Select(r => r.Id).ToList();
        Drops(sandbox, crm).DropNext(1);

        var results = await connector.CreateTasksAsync([.. accounts.Select(Request)], CancellationToken.None);
        var found = new List<string?>();
        foreach (var account in accounts)
        {
            found.Add(await connector.FindOpenTaskAsync(account, Marker(account), CancellationToken.None));
        }

        var tasks = Tasks(sandbox, crm).Ordered();
        Assert.Multiple(() =>
        {
            Assert.That(Drops(sandbox, crm).Dropped, Is.EqualTo(1), "the answer was dropped after the tasks landed");
            Assert.That(results.Select(r => r.Fate), Is.All.EqualTo(TaskFate.Unknown));
            Assert.That(tasks, Has.Count.EqualTo(3), "one task per account: the create was not resent");
            Assert.That(found, Is.EquivalentTo(tasks.Select(t => t.Id)), "each is found again by its marker");
        });
    }

    [TestCase("salesforce")]
    [TestCase("hubspot")]
    public async Task CreateTasks_OneForAnAccountThatDoesNotExist_OthersCreatedAndItRefusedWithTheCrmCode(string crm)
    {
        await using var sandbox = Seeded(crm, 2);
        await sandbox.StartAsync();
        var (connector, provider) = crm == "hubspot" ? Connectors.HubSpot(sandbox) : Connectors.Salesforce(sandbox);
        await using var _ = provider;
        var accounts = Accounts(sandbox, crm).Ordered().Select(r => r.Id).ToList();

        var results = await connector.CreateTasksAsync([Request(accounts[0]), Request(crm == "hubspot" ? "999999999" : "001SBX999999999999"), Request(accounts[1])], CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.Fate), Is.EqualTo(new[] { TaskFate.Created, TaskFate.Refused, TaskFate.Created }));
            Assert.That(results[1].Errors.Single().Code, Is.EqualTo(crm == "hubspot" ? "VALIDATION_ERROR" : "INVALID_CROSS_REFERENCE_KEY"));
            Assert.That(Tasks(sandbox, crm).Count, Is.EqualTo(2));
        });
    }

    private static SandboxServer Seeded(string crm, int accounts)
    {
        var seed = SandboxSeed.Generate(new SeedOptions { Accounts = accounts, Children = false });
        var sandbox = new SandboxServer();
        return crm == "hubspot" ? sandbox.SeedHubSpot(seed) : sandbox.SeedSalesforce(seed);
    }

    private static SandboxTable Accounts(SandboxServer s, string crm) => crm == "hubspot" ? s.HubSpot.TableOf("Account") : s.Salesforce.TableOf("Account");

    private static SandboxTable Tasks(SandboxServer s, string crm) => crm == "hubspot" ? s.HubSpot.TableOf("Task") : s.Salesforce.TableOf("Task");

    private static AnswerDrops Drops(SandboxServer s, string crm) => crm == "hubspot" ? s.HubSpot.TaskAnswerDrops : s.Salesforce.TaskAnswerDrops;

    private static string Marker(string account) => $"[crmstatesync:AdoptionIntervention:{account}]";

    private static TaskRequest Request(string account) => new(account, null, "Adoption is slipping", "why", new DateOnly(2026, 12, 1)) { Marker = Marker(account) };
}
