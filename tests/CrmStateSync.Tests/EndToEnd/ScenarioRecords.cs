using CrmStateSync.Crm.Mapping;
using CrmStateSync.Sandbox.Data;

namespace CrmStateSync.Tests.EndToEnd;

/// <summary>
/// A human editing the sandbox's children records as in the CRM's UI, whichever CRM: fields by canonical key, and the
/// link to the account (Salesforce's lookup field, HubSpot's company association). Every edit moves the record's stamp.
/// </summary>
internal static class ScenarioRecords
{
    public static FieldMappingOptions Mapping(this SyncScenario s) => s.Crm == "hubspot" ? s.Sandbox.HubSpot.Mapping : s.Sandbox.Salesforce.Mapping;

    /// <summary>The ids of the named account's records of a canonical object (Opportunity, Contact, Usage), in id order.</summary>
    public static IReadOnlyList<string> ChildrenOf(this SyncScenario s, string canonicalObject, string accountName)
    {
        var accountId = s.IdOf(accountName);
        if (s.Crm == "hubspot")
        {
            return s.Sandbox.HubSpot.RecordsOf(s.Mapping().Objects[canonicalObject], accountId);
        }

        var lookup = LinkField(s, canonicalObject);
        return [.. s.Table(canonicalObject).OrderedById().Where(r => Equals(r[lookup], accountId)).Select(r => r.Id)];
    }

    /// <summary>Sets fields of a record by canonical key (values as the CRM would store them).</summary>
    public static void EditRecord(this SyncScenario s, string canonicalObject, string id, params (string Key, object? Value)[] changes)
    {
        var map = MapOf(s, canonicalObject);
        Touch(s, canonicalObject, id, fields =>
        {
            foreach (var (key, value) in changes)
            {
                fields[map[key]] = value;
            }
        });
    }

    /// <summary>Links the record to the named account, or with null to none (a Salesforce private contact, a HubSpot deal with no company).</summary>
    public static void LinkTo(this SyncScenario s, string canonicalObject, string id, string? accountId)
    {
        if (s.Crm == "hubspot")
        {
            s.Sandbox.HubSpot.SetCompany(s.Mapping().Objects[canonicalObject], id, accountId);
            Touch(s, canonicalObject, id, _ => { });
        }
        else
        {
            Touch(s, canonicalObject, id, fields => fields[LinkField(s, canonicalObject)] = accountId);
        }
    }

    private static string LinkField(SyncScenario s, string canonicalObject) => MapOf(s, canonicalObject)["accountId"];

    private static Dictionary<string, string> MapOf(SyncScenario s, string canonicalObject) => canonicalObject switch
    {
        "Opportunity" => s.Mapping().Opportunity,
        "Contact" => s.Mapping().Contact,
        "Usage" => s.Mapping().Usage,
        _ => s.Mapping().Account,
    };

    private static void Touch(SyncScenario s, string canonicalObject, string id, Action<Dictionary<string, object?>> edit) =>
        s.Table(canonicalObject).Update(id, current =>
        {
            var fields = new Dictionary<string, object?>(current.Fields, StringComparer.Ordinal);
            edit(fields);
            var now = SandboxRecord.Stamp(s.Sandbox.Options.Clock.GetUtcNow());
            return current with { Fields = fields, ModifiedAt = now > current.ModifiedAt ? now : current.ModifiedAt.AddMilliseconds(1), ModifiedBy = E2e.HumanUser };
        });
}
