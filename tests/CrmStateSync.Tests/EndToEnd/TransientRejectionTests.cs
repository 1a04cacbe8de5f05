using CrmStateSync.Crm.Contract;

namespace CrmStateSync.Tests.EndToEnd;

/// <summary>
/// sync.md "Transient is transient": "A per-record lock or conflict the CRM says to retry (Salesforce
/// UNABLE_TO_LOCK_ROW, HubSpot CONFLICT/423 on a record) is retried on later cycles; validation refusals are not."
/// </summary>
public class TransientRejectionTests
{
    private const string Account = "Steady Inc";

    [TestCase("salesforce", "UNABLE_TO_LOCK_ROW")]
    [TestCase("hubspot", "CONFLICT")]
    public async Task RunCycle_PerRecordLockConflict_JournaledTransientRetriedNextCycleAndLands(string crm, string code)
    {
        await using var s = await SyncScenario.StartAsync([E2e.Healthy(), E2e.Healthy("Other Inc")], crm: crm);
        FailOnce(s, code);

        var first = await s.CycleAsync();
        var rejected = await s.Store.RejectedEntriesAsync(CancellationToken.None);
        var second = await s.CycleAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That((first.Summary.Rejected, first.Summary.Written), Is.EqualTo((1, 1)));
            Assert.That(rejected.Select(e => (e.AccountId, e.ErrorCode, e.Transient)), Is.EqualTo(new[] { (s.IdOf(Account), (string?)code, true) }));
            Assert.That(second.Summary.Written, Is.EqualTo(1), "retried on the next cycle");
            Assert.That(s.Text(Account, ManagedField.Stage), Is.EqualTo("Healthy"), "and it landed");
            Assert.That(await s.Store.RejectedEntriesAsync(CancellationToken.None), Is.Empty);
        }
    }

    [TestCase("salesforce", "FIELD_CUSTOM_VALIDATION_EXCEPTION")]
    [TestCase("hubspot", "VALIDATION_ERROR")]
    public async Task RunCycle_PerRecordValidationRefusal_JournaledNotTransientAndNotRetriedNextCycle(string crm, string code)
    {
        await using var s = await SyncScenario.StartAsync([E2e.Healthy(), E2e.Healthy("Other Inc")], crm: crm);
        FailOnce(s, code);

        await s.CycleAsync();
        var rejected = await s.Store.RejectedEntriesAsync(CancellationToken.None);
        s.Requests.Clear();
        var second = await s.CycleAsync();

        Assert.Multiple(() =>
        {
            Assert.That(rejected.Select(e => (e.AccountId, e.ErrorCode, e.Transient)), Is.EqualTo(new[] { (s.IdOf(Account), (string?)code, false) }));
            Assert.That((second.Summary.Written, s.Requests.Writes), Is.EqualTo((0, 0)), "a validation refusal is not resent until the record changes");
            Assert.That(s.Text(Account, ManagedField.Stage), Is.Null);
        });
    }

    private static void FailOnce(SyncScenario s, string code)
    {
        if (s.Crm == "hubspot")
        {
            s.Sandbox.HubSpot.FailWrites(s.IdOf(Account), code, 1);
        }
        else
        {
            s.Sandbox.Salesforce.FailWrites(s.IdOf(Account), code, 1);
        }
    }
}
