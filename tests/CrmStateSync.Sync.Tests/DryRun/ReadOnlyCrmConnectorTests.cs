using CrmStateSync.Crm.Contract;
using CrmStateSync.Sync.DryRun;

namespace CrmStateSync.Sync.Tests.DryRun;

/// <summary>
/// A dry run is a read-only decorator of the connector's writes (issue 14, item 4): <see cref="ReadOnlyCrmConnector"/>
/// forwards reads, describes, task look-ups and the call count, and sends no account write and no task create.
/// </summary>
public class ReadOnlyCrmConnectorTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Test]
    public async Task Reads_ReachTheConnector()
    {
        var (inner, spy) = CallSpy.Of<ICrmConnector>();
        var crm = new ReadOnlyCrmConnector(inner);

        _ = crm.ReadAccountsAsync(ReadCursor.Start, None);
        _ = crm.ReadOpportunitiesAsync(ReadCursor.Start, None);
        _ = crm.ReadContactsAsync(ReadCursor.Start, None);
        _ = crm.ReadUsageAsync(ReadCursor.Start, None);
        await crm.DescribeAsync(CrmObject.Account, None);
        await crm.FindOpenTaskAsync("a", "marker", None);

        Assert.That(spy.Calls, Is.EqualTo(new[]
        {
            "ReadAccountsAsync", "ReadOpportunitiesAsync", "ReadContactsAsync", "ReadUsageAsync", "DescribeAsync", "FindOpenTaskAsync",
        }));
    }

    [Test]
    public void UsageAndProvider_AreTheConnectors()
    {
        var usage = new ApiUsage(10, 100, 7);
        var (inner, spy) = CallSpy.Of<ICrmConnector>();
        spy.Answer = m => m.Name switch { "get_Usage" => usage, "get_Provider" => "hubspot", _ => null };
        var crm = new ReadOnlyCrmConnector(inner);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(crm.Usage, Is.SameAs(usage), "a dry run counts the calls it made");
            Assert.That(crm.Provider, Is.EqualTo("hubspot"));
        }
    }

    [Test]
    public async Task WritesAndTaskCreates_SendNothing()
    {
        var (inner, spy) = CallSpy.Of<ICrmConnector>();
        var crm = new ReadOnlyCrmConnector(inner);

        var written = await crm.WriteAccountsAsync([new AccountWrite("a", new Dictionary<string, object?> { ["stage"] = "Healthy" })], None);
        var created = await crm.CreateTasksAsync([new TaskRequest("a", "owner-1", "subject", "description", DateOnly.MinValue)], None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(spy.Calls, Is.Empty, "nothing sent");
            Assert.That(written, Is.Empty);
            Assert.That(created, Is.Empty);
        }
    }
}
