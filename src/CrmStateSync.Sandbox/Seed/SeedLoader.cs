using CrmStateSync.Rules.Model;
using CrmStateSync.Sandbox.Data;

namespace CrmStateSync.Sandbox.Seed;

/// <summary>The CRM side of loading a seed: how it names ids, owners and which tables hold each object.</summary>
internal interface ISeedTarget
{
    CanonicalFields Fields { get; }

    /// <summary>The user who "made" the seeded records (not the integration user, so they are not the worker's echo).</summary>
    string SeedUser { get; }

    SandboxTable Table(string canonicalObject);

    string NextId(string canonicalObject);

    string OwnerId(string owner);

    /// <summary>Links a child record to its account where the CRM uses associations rather than a lookup field.</summary>
    void Associate(string canonicalObject, string id, string accountId);
}

/// <summary>
/// Stores a <see cref="SeedData"/> in a CRM's tables in its field names, with fresh CRM ids (goal owners follow their
/// contact) and change stamps spread over the week before now, in load order.
/// </summary>
internal static class SeedLoader
{
    public static void Load(ISeedTarget target, SeedData seed, DateTimeOffset now)
    {
        var total = seed.Accounts.Count + seed.Opportunities + seed.Contacts + seed.UsageRows;
        var step = TimeSpan.FromDays(7) / Math.Max(total, 1);
        var stamp = now - TimeSpan.FromDays(7);
        void Put(string kind, string id, Dictionary<string, object?> fields, string? accountId = null)
        {
            stamp += step;
            target.Table(kind).Put(new SandboxRecord(id, SandboxRecord.Stamp(stamp), target.SeedUser, false, fields));
            if (accountId is not null)
            {
                target.Associate(kind, id, accountId);
            }
        }

        foreach (var account in seed.Accounts)
        {
            var accountId = target.NextId("Account");
            var contactIds = account.Contacts.ToDictionary(c => c.Id, _ => target.NextId("Contact"), StringComparer.Ordinal);
            Put("Account", accountId, target.Fields.Account(account, id => id is null ? null : contactIds.GetValueOrDefault(id, id), Owner(target)));
            foreach (var contact in account.Contacts)
            {
                Put("Contact", contactIds[contact.Id], target.Fields.Contact(contact, accountId), accountId);
            }

            foreach (var opportunity in account.Opportunities)
            {
                Put("Opportunity", target.NextId("Opportunity"), target.Fields.Opportunity(opportunity, accountId), accountId);
            }

            foreach (UsageRow row in account.Usage)
            {
                Put("Usage", target.NextId("Usage"), target.Fields.Usage(row, accountId), accountId);
            }
        }
    }

    private static Func<string?, string?> Owner(ISeedTarget target) => owner => owner is null ? null : target.OwnerId(owner);
}
