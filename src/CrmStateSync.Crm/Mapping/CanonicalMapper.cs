using CrmStateSync.Crm.Catalogue;
using CrmStateSync.Crm.Contract;
using CrmStateSync.Rules.Model;

namespace CrmStateSync.Crm.Mapping;

/// <summary>
/// Maps raw CRM records to the canonical model (rules.md §1) through the field mapping. A value that cannot be
/// converted becomes a <see cref="FieldProblem"/> naming the record, the field and the value; the record's other fields
/// still arrive, and the record is <see cref="CrmChange{T}.KeptAside"/> (an account only for its input fields: a bad value
/// in one of the worker's own fields is overwritten by the next write). An exception while mapping one record is that
/// record's problem, never the read's.
/// </summary>
public sealed class CanonicalMapper(FieldMappingOptions mapping, IValueFormat format)
{
    public FieldMappingOptions Mapping { get; } = mapping;

    public CrmChange<AccountRecord> Account(RawRecord raw)
    {
        var change = Map(raw, Mapping.Account, AccountOf);
        return change with { KeptAside = change.Problems.Any(p => !IsManagedField(p.Field)) };
    }

    private bool IsManagedField(string crmField) => Mapping.Account.Any(m => m.Value == crmField && ManagedField.IsManaged(m.Key));

    /// <summary>
    /// The account's input fields through the <see cref="FieldCatalogue"/>; its managed fields are read first but
    /// reported after the input fields, as they always were.
    /// </summary>
    private AccountRecord AccountOf(RawRecord raw, RawFields f)
    {
        var managedProblems = new List<FieldProblem>();
        var managed = ManagedReader.Read(f.Aside(managedProblems), Mapping);
        var account = FieldCatalogue.ReadAccount(f, raw.Id, new AccountParts(managed));
        f.Report(managedProblems);
        return new AccountRecord(account) { ManagedText = ManagedReader.Texts(f, Mapping, account.Managed) };
    }

    /// <summary>A CRM account record holds its managed fields; its children are records of their own.</summary>
    private readonly struct AccountParts(ManagedValues managed) : IAccountParts
    {
        public ManagedValues Managed() => managed;

        public LastWritten? LastWritten() => null;

        public IReadOnlyList<Opportunity> Opportunities() => [];

        public IReadOnlyList<Contact> Contacts() => [];

        public IReadOnlyList<UsageRow> Usage() => [];
    }

    public CrmChange<OpportunityRecord> Opportunity(RawRecord raw) =>
        Child(Map(raw, Mapping.Opportunity, (_, f) => new OpportunityRecord(f.Reference("accountId"), FieldCatalogue.ReadOpportunity(f, raw.Id))));

    public CrmChange<ContactRecord> Contact(RawRecord raw) =>
        Child(Map(raw, Mapping.Contact, (_, f) => new ContactRecord(f.Reference("accountId"), FieldCatalogue.ReadContact(f, raw.Id))));

    /// <summary>
    /// A usage row without a readable date cannot be placed in any window: it comes back as a problem, no record. The
    /// date is looked at first: without it nothing else of the row is read (its account link included).
    /// </summary>
    public CrmChange<UsageRecord> Usage(RawRecord raw)
    {
        var change = Map(raw, Mapping.Usage, (_, f) => f.Date(FieldCatalogue.UsageDate) is not null
            ? new UsageRecord(raw.Id, f.Reference("accountId"), FieldCatalogue.ReadUsage(f)!)
            : null);
        return Child(change.Record is null && !raw.Deleted && change.Problems.Count == 0
            ? change with { Problems = [new FieldProblem(raw.Id, Mapping.Usage.GetValueOrDefault(FieldCatalogue.UsageDate, FieldCatalogue.UsageDate), null, "is missing: a usage row needs a date")] }
            : change);
    }

    /// <summary>An opportunity, contact or usage row with any problem is kept aside: half a child would change its account's evaluation.</summary>
    private static CrmChange<T> Child<T>(CrmChange<T> change)
        where T : class => change.Problems.Count > 0 ? change with { KeptAside = true } : change;

    /// <summary>Field name of a problem about the record as a whole (an exception while mapping it).</summary>
    public const string WholeRecord = "(record)";

    private CrmChange<T> Map<T>(RawRecord raw, IReadOnlyDictionary<string, string> map, Func<RawRecord, RawFields, T?> build)
        where T : class
    {
        if (raw.Deleted)
        {
            return new CrmChange<T>(raw.Id, raw.ModifiedAt, null, true, [], raw.LastModifiedBy);
        }

        var problems = new List<FieldProblem>();
        try
        {
            var record = build(raw, new RawFields(raw, map, Mapping, format, problems));
            return new CrmChange<T>(raw.Id, raw.ModifiedAt, record, false, problems, raw.LastModifiedBy);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // One record the mapping cannot handle is that record's problem: it is kept aside, the read goes on.
            problems.Add(new FieldProblem(raw.Id, WholeRecord, null, $"could not be mapped: {ex.Message}"));
            return new CrmChange<T>(raw.Id, raw.ModifiedAt, null, false, problems, raw.LastModifiedBy) { KeptAside = true };
        }
    }
}
