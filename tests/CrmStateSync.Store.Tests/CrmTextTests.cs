using CrmStateSync.Crm.Contract;

namespace CrmStateSync.Store.Tests;

/// <summary>sync.md step 3: the CRM's current managed values are kept with the account for the diff (schema v2).</summary>
public class CrmTextTests : StoreTestBase
{
    [Test]
    public async Task UpsertAccount_WithManagedText_LoadsItBack()
    {
        var store = await OpenAsync();
        var text = new Dictionary<string, string?> { [ManagedField.Stage] = "Adopting", [ManagedField.Divergence] = null, [ManagedField.StageReason] = "Adopting since …" };

        await store.UpsertAccountAsync(Some.Account("001") with { ManagedText = text }, Some.At(0), Ct);
        var loaded = await store.LoadCrmTextAsync("001", Ct);

        Assert.That(loaded, Is.EquivalentTo(text));
    }

    [Test]
    public async Task LoadCrmText_UnknownAccount_IsEmpty()
    {
        var store = await OpenAsync();

        Assert.That(await store.LoadCrmTextAsync("nope", Ct), Is.Empty);
    }
}
