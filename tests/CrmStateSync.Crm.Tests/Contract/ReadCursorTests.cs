using CrmStateSync.Crm.Contract;

namespace CrmStateSync.Crm.Tests.Contract;

public sealed class ReadCursorTests
{
    private static readonly DateTimeOffset At = new(2026, 5, 20, 20, 49, 32, TimeSpan.Zero);

    [Test]
    public void IsBefore_Start_EverythingIsNew() =>
        Assert.That(ReadCursor.Start.IsBefore(DateTimeOffset.MinValue, ""), Is.True);

    [TestCase(1, "001A", true, TestName = "crm-apis.md compound cursor: a later timestamp is new whatever its id")]
    [TestCase(-1, "001Z", false, TestName = "crm-apis.md compound cursor: an earlier timestamp was seen whatever its id")]
    [TestCase(0, "001N", true, TestName = "crm-apis.md compound cursor: the same timestamp with a greater id is new")]
    [TestCase(0, "001M", false, TestName = "crm-apis.md compound cursor: the same timestamp and id was seen (de-duplication)")]
    [TestCase(0, "001L", false, TestName = "crm-apis.md compound cursor: the same timestamp with a smaller id was seen")]
    public void IsBefore_CompoundCursor_OrdersByTimestampThenId(int seconds, string id, bool expected) =>
        Assert.That(new ReadCursor(At, "001M").IsBefore(At.AddSeconds(seconds), id), Is.EqualTo(expected));

    [Test]
    public void IsBefore_SameInstantOtherOffset_SameTimestamp() =>
        Assert.That(new ReadCursor(At, "001M").IsBefore(At.ToOffset(TimeSpan.FromHours(-7)), "001M"), Is.False);

    [Test]
    public void IsBefore_TimestampWithoutId_SameTimestampIsNew() =>
        Assert.That(new ReadCursor(At, null).IsBefore(At, "001A"), Is.True);

    [TestCase("100", "99", true, TestName = "crm-apis.md HubSpot sorts by hs_object_id: id 100 comes after 99 at the same timestamp")]
    [TestCase("99", "100", false, TestName = "crm-apis.md HubSpot sorts by hs_object_id: id 99 comes before 100 at the same timestamp")]
    [TestCase("1000", "1000", false, TestName = "crm-apis.md HubSpot sorts by hs_object_id: the same numeric id was seen")]
    public void IsBefore_HubSpotNumericIds_NumericOrder(string id, string lastId, bool expected) =>
        Assert.That(new ReadCursor(At, lastId).IsBefore(At, id), Is.EqualTo(expected));
}
