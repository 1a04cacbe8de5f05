using CrmStateSync.Crm.Contract;
using CrmStateSync.Rules.Configuration;
using CrmStateSync.Rules.Evaluation;
using CrmStateSync.Sandbox.Seed;
using CrmStateSync.Sandbox.Tests.TestSupport;
using CrmStateSync.Snapshots;

namespace CrmStateSync.Sandbox.Tests.Seed;

[TestFixture]
internal sealed class SandboxSeedTests
{
    private static readonly SeedData Seed = SandboxSeed.Generate();

    [Test]
    public void Generate_SameSeed_GivesTheSameData()
    {
        var again = SandboxSeed.Generate();

        Assert.That(again.Accounts.Select(Describe), Is.EqualTo(Seed.Accounts.Select(Describe)));
    }

    [Test]
    public void Generate_Default_Has300AccountsAcrossSegmentsWithChildrenAnd180DaysOfUsage()
    {
        var firstUsage = Seed.Accounts.SelectMany(a => a.Usage).Min(u => u.Date);

        Assert.Multiple(() =>
        {
            Assert.That(Seed.Accounts, Has.Count.EqualTo(300));
            Assert.That(Seed.Accounts.Select(a => a.Segment).Distinct(), Is.EquivalentTo(SandboxSeed.Segments));
            Assert.That(Seed.Accounts.SelectMany(a => a.Opportunities).Select(o => o.Type).Distinct(), Is.EquivalentTo(Enum.GetValues<Rules.Model.OpportunityType>()));
            Assert.That(Seed.Accounts.SelectMany(a => a.Contacts).Count(c => c.DepartedOn is not null), Is.GreaterThan(0));
            Assert.That(firstUsage, Is.EqualTo(Seed.AsOf.AddDays(-179)));
            Assert.That(Seed.Accounts.Count(a => a.Usage.Count > 100), Is.GreaterThan(0), "daily rows");
            Assert.That(Seed.Accounts.Count(a => a.Usage.Count is > 0 and < 30), Is.GreaterThan(0), "weekly rows");
        });
    }

    [Test]
    public void Generate_Default_TheDefaultRulesReachEveryStage()
    {
        var stages = Seed.Accounts.Select(a => RulesEngine.Default.Evaluate(a, Seed.AsOf).Stage.Stage).ToList();

        Assert.That(stages.Distinct(), Is.SupersetOf(new[]
        {
            DefaultRules.NewCustomer, DefaultRules.Onboarding, DefaultRules.Adopting, DefaultRules.Healthy, DefaultRules.AtRisk, DefaultRules.Churned,
        }));
        Assert.That(stages, Does.Contain(null), "prospects have no stage");
    }

    [Test]
    public async Task FromSnapshots_SampleFile_StoresEveryAccountAndChildAndReadsBackThroughTheConnector()
    {
        var batch = SnapshotFileReader.Read(Repository.File("samples", "snapshots.json"));
        var seed = SandboxSeed.FromSnapshots(batch.Accounts, batch.AsOf ?? new DateOnly(2026, 11, 23));
        await using var sandbox = new SandboxServer().SeedSalesforce(seed);
        await sandbox.StartAsync();
        var (connector, provider) = Connectors.Salesforce(sandbox);
        await using var _ = provider;

        var accounts = await connector.ReadAccountsAsync(ReadCursor.Start, CancellationToken.None).ToListAsync();
        var usage = await connector.ReadUsageAsync(ReadCursor.Start, CancellationToken.None).ToListAsync();
        var first = batch.Accounts[0];
        var read = accounts.Single(a => a.Record!.Account.Name == first.Name).Record!.Account;

        Assert.Multiple(() =>
        {
            Assert.That(accounts, Has.Count.EqualTo(batch.Accounts.Count));
            Assert.That(usage, Has.Count.EqualTo(seed.UsageRows));
            Assert.That(read.Managed.Stage, Is.EqualTo(first.Managed.Stage));
            Assert.That(read.Managed.StageEntryDates, Is.EquivalentTo(first.Managed.StageEntryDates));
            Assert.That(read.KickoffOn, Is.EqualTo(first.KickoffOn));
            Assert.That(read.PrimaryGoal, Is.EqualTo(first.PrimaryGoal));
        });
    }

    private static string Describe(Rules.Model.AccountSnapshot a) =>
        $"{a.Id}|{a.Segment}|{a.KickoffOn}|{a.Opportunities.Count}|{a.Contacts.Count}|{a.Usage.Count}|{a.Usage.Sum(u => u.ValueActions)}";
}
