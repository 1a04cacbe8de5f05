namespace CrmStateSync.Crm.HubSpot.Tests;

/// <summary>
/// The base of every connector test class: each test gets its own WireMock HubSpot on loopback and a fresh harness
/// (fake clock, connector through the real DI registration), disposed after it. NUnit runs this set-up before a
/// derived class's own.
/// </summary>
public abstract class HubSpotHarnessTests
{
    private HubSpotHarness? _harness;

    internal HubSpotHarness Hs => _harness ?? throw new InvalidOperationException("the harness starts in SetUp");

    [SetUp]
    public void StartHarness() => _harness = new HubSpotHarness();

    [TearDown]
    public void StopHarness() => _harness?.Dispose();
}
