namespace CrmStateSync.Store.Tests;

/// <summary><c>sync --dry-run --account</c> names an account by its CRM id or by its name, as the cache holds them.</summary>
public class AccountLookupTests : StoreTestBase
{
    [Test]
    public async Task FindAccounts_ById_NameOrNeither()
    {
        var store = await OpenAsync();
        await store.UpsertAccountAsync(Some.Account("001", "Northwind"), Some.At(0), Ct);
        await store.UpsertAccountAsync(Some.Account("002", "Contoso"), Some.At(0), Ct);
        await store.UpsertAccountAsync(Some.Account("003", "Contoso"), Some.At(0), Ct);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await store.FindAccountsAsync("001", Ct), Is.EqualTo(new[] { new CachedAccountName("001", "Northwind") }));
            Assert.That(await store.FindAccountsAsync("Northwind", Ct), Is.EqualTo(new[] { new CachedAccountName("001", "Northwind") }));
            Assert.That((await store.FindAccountsAsync("Contoso", Ct)).Select(a => a.Id), Is.EqualTo(new[] { "002", "003" }), "a shared name is ambiguous");
            Assert.That(await store.FindAccountsAsync("Fabrikam", Ct), Is.Empty);
        }
    }

    [Test]
    public async Task FindAccounts_NameThatIsAlsoAnId_IsTheAccountWithThatId()
    {
        var store = await OpenAsync();
        await store.UpsertAccountAsync(Some.Account("001", "Northwind"), Some.At(0), Ct);
        await store.UpsertAccountAsync(Some.Account("Northwind", "Other"), Some.At(0), Ct);

        Assert.That((await store.FindAccountsAsync("Northwind", Ct)).Select(a => a.Id), Is.EqualTo(new[] { "Northwind" }));
    }
}
