using CrmStateSync.Rules.Signals;

namespace CrmStateSync.Rules.Tests.Signals;

/// <summary><see cref="Renewal.On"/> gives the renewal date the rules read (rules.md §8), for callers outside an evaluation.</summary>
public class RenewalTests
{
    [Test]
    public void On_ActiveContractAndLaterOpenRenewal_TheEarlier() =>
        Assert.That(Renewal.On([Some.Won(Some.DaysAgo(300), Some.DaysAhead(40)), Some.OpenRenewal(Some.DaysAhead(50))], Some.AsOf), Is.EqualTo(Some.DaysAhead(40)));

    [Test]
    public void On_OpenEndedContract_None() =>
        Assert.That(Renewal.On([Some.Won(Some.DaysAgo(300))], Some.AsOf), Is.Null);

    [Test]
    public void On_ContractEndedBeforeAsOf_None() =>
        Assert.That(Renewal.On([Some.Won(Some.DaysAgo(300), Some.DaysAgo(1))], Some.AsOf), Is.Null);
}
