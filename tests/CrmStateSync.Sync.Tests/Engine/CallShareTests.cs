using CrmStateSync.Sync.Engine;

namespace CrmStateSync.Sync.Tests.Engine;

/// <summary>A cycle's calls by kind (the run page's "calls by kind"): what the connector's counters grew by during the cycle.</summary>
public class CallShareTests
{
    [Test]
    public void Since_CountersGrew_TheGrowthPerKindInKindOrderLeavingOutKindsThatDidNot()
    {
        var before = new Dictionary<string, long> { ["token"] = 1, ["query"] = 10, ["describe"] = 4 };
        var now = new Dictionary<string, long> { ["write"] = 2, ["token"] = 1, ["query"] = 13, ["describe"] = 4 };

        var share = CallShare.Since(before, now);

        Assert.That(share, Is.EqualTo(new[] { KeyValuePair.Create("query", 3L), KeyValuePair.Create("write", 2L) }));
    }

    [Test]
    public void Since_ConnectorThatDoesNotCountByKind_None() =>
        Assert.That(CallShare.Since(CallShare.None, CallShare.None), Is.Empty);
}
