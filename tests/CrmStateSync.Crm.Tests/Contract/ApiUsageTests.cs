using CrmStateSync.Crm.Contract;

namespace CrmStateSync.Crm.Tests.Contract;

public sealed class ApiUsageTests
{
    [TestCase(7_500L, 15_000L, 0.5, TestName = "sync.md budget: Sforce-Limit-Info api-usage=7500/15000 is half the org's budget")]
    [TestCase(0L, 250_000L, 0.0, TestName = "sync.md budget: nothing used is a share of 0")]
    [TestCase(250_000L, 250_000L, 1.0, TestName = "sync.md budget: the whole budget used is a share of 1")]
    public void Share_UsedAndMax_Ratio(long used, long max, double expected) =>
        Assert.That(new ApiUsage(used, max, 3).Share, Is.EqualTo(expected));

    [TestCase(null, 15_000L)]
    [TestCase(7_500L, null)]
    [TestCase(7_500L, 0L)]
    public void Share_UnknownOrZeroMax_Null(long? used, long? max) =>
        Assert.That(new ApiUsage(used, max, 3).Share, Is.Null);
}
