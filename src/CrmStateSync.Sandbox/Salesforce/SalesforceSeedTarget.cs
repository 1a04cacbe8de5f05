using CrmStateSync.Sandbox.Data;
using CrmStateSync.Sandbox.Seed;

namespace CrmStateSync.Sandbox.Salesforce;

/// <summary>Salesforce's side of loading a seed: lookup fields (no associations), 18-character ids, user ids for owners.</summary>
internal sealed class SalesforceSeedTarget(SalesforceOrg org) : ISeedTarget
{
    public CanonicalFields Fields { get; } = new(org.Mapping);

    public string SeedUser => SalesforceIds.SeedUser;

    public SandboxTable Table(string canonicalObject) => org.TableOf(canonicalObject);

    public string NextId(string canonicalObject) => org.Ids.Next(org.Mapping.Objects[canonicalObject]);

    public string OwnerId(string owner) => SalesforceIds.User(owner);

    public void Associate(string canonicalObject, string id, string accountId)
    {
        // Salesforce links children by lookup fields (AccountId, CS_Account__c), already among the fields.
    }
}
