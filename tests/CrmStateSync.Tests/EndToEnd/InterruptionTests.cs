using CrmStateSync.Crm.Contract;
using CrmStateSync.Rules.Configuration;
using CrmStateSync.Rules.Model;

namespace CrmStateSync.Tests.EndToEnd;

/// <summary>
/// rules.md §8 "Interruptions change nothing": "a write that did not land leaves the worker's memory of what it last
/// wrote unchanged, and the next evaluation starts from the same inputs an uninterrupted run would have had". The stage
/// memory is the one that matters at go-live: with it recorded, an evaluation keeps the CRM's stamps as the worker's own.
/// </summary>
public class InterruptionTests
{
    private const string Account = "Steady Inc";

    /// <summary>A previous system stamped the right stage (so no stage write is planned) with entry dates days off the facts.</summary>
    private static AccountSnapshot WithPreviousSystemValues() => E2e.Healthy() with
    {
        Managed = ManagedValues.Empty with
        {
            Stage = DefaultRules.Healthy,
            StageEntryDates = new Dictionary<string, DateOnly> { [DefaultRules.NewCustomer] = E2e.DaysAgo(294), [DefaultRules.Healthy] = E2e.DaysAgo(12) },
        },
    };

    [Test]
    public async Task RunCycle_GoLiveWriteRefusedOnce_RetryWritesWhatAnUninterruptedRunWrites()
    {
        await using var reference = await SyncScenario.StartAsync([WithPreviousSystemValues()]);
        await using var refused = await SyncScenario.StartAsync([WithPreviousSystemValues()]);
        await reference.CycleAsync();
        refused.Sandbox.Salesforce.FailWrites(refused.IdOf(Account), "UNABLE_TO_LOCK_ROW", 1);

        var first = await refused.CycleAsync();
        var memoryAfterRefusal = await refused.Store.GetLastWrittenAsync(refused.IdOf(Account), CancellationToken.None);
        await refused.CycleAsync();

        var newCustomer = ManagedField.StageEntryDate(DefaultRules.NewCustomer);
        Assert.Multiple(() =>
        {
            Assert.That(first.Summary.Rejected, Is.EqualTo(1));
            Assert.That(memoryAfterRefusal, Is.Null, "the refused write recorded no stage memory");
            Assert.That(reference.Text(Account, newCustomer), Is.EqualTo(E2e.DaysAgo(300).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
                "go-live stamps New Customer from the won deal, not the previous system's date");
            Assert.That(ManagedTexts(refused), Is.EqualTo(ManagedTexts(reference)), "every managed field as the uninterrupted run wrote it");
        });
    }

    [Test]
    public async Task RunCycle_GoLiveWriteLanded_RecordsTheStageMemoryWithIt()
    {
        await using var s = await SyncScenario.StartAsync([WithPreviousSystemValues()]);

        var first = await s.CycleAsync();
        var memory = await s.Store.GetLastWrittenAsync(s.IdOf(Account), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(first.Summary.Written, Is.EqualTo(1));
            Assert.That(first.Accounts.Single().Write!.Fields.Select(f => f.Field), Does.Not.Contain(ManagedField.Stage), "the CRM already held the stage");
            Assert.That(memory?.Stage, Is.EqualTo(DefaultRules.Healthy), "recorded once the CRM confirmed the account's write");
        });
    }

    /// <summary>Every field of the account as the CRM holds it.</summary>
    private static List<string> ManagedTexts(SyncScenario s) =>
        [.. s.Accounts.Find(s.IdOf(Account))!.Fields.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => f.Key + "=" + f.Value)];
}
