using CrmStateSync.Crm.Contract;
using CrmStateSync.Crm.Schema;

namespace CrmStateSync.Crm.Tests.Schema;

/// <summary>An org described exactly as the expected fields ask, which a test then breaks one field at a time.</summary>
internal sealed class CompleteOrg
{
    private readonly Dictionary<CrmObject, List<CrmFieldDescription>> _objects;

    public CompleteOrg(IEnumerable<ExpectedField> expected) =>
        _objects = expected.GroupBy(e => e.Kind).ToDictionary(g => g.Key, g => g.GroupBy(e => e.Field).Select(f => Describe(f.First())).ToList());

    public IReadOnlyDictionary<CrmObject, CrmObjectDescription?> Descriptions =>
        _objects.ToDictionary(o => o.Key, o => (CrmObjectDescription?)new CrmObjectDescription(o.Key, o.Key.ToString(), o.Value));

    public CompleteOrg Change(CrmObject kind, string field, Func<CrmFieldDescription, CrmFieldDescription?> change)
    {
        var fields = _objects[kind];
        var index = fields.FindIndex(f => f.Name == field);
        var changed = change(fields[index]);
        if (changed is null)
        {
            fields.RemoveAt(index);
        }
        else
        {
            fields[index] = changed;
        }

        return this;
    }

    private static CrmFieldDescription Describe(ExpectedField e) =>
        new(e.Field, e.Type, e.Access == FieldAccess.Written, e.Values, e.Access == FieldAccess.Calculated);
}
