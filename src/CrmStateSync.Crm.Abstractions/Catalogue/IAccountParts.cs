using CrmStateSync.Rules.Model;

namespace CrmStateSync.Crm.Catalogue;

/// <summary>
/// What an account holds besides its input fields: the worker's own fields' current values, what the worker last
/// wrote, and its child records. Each reader supplies them its own way (a snapshot file holds them as objects and
/// lists; a CRM account record has its managed fields and no children). <see cref="FieldCatalogue.ReadAccount{TSource, TParts}"/>
/// asks for each at its place in rules.md §1, so a reader's problems come in that order.
/// </summary>
public interface IAccountParts
{
    ManagedValues Managed();

    LastWritten? LastWritten();

    IReadOnlyList<Opportunity> Opportunities();

    IReadOnlyList<Contact> Contacts();

    IReadOnlyList<UsageRow> Usage();
}
