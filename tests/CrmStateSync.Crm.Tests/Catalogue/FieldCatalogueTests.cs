using System.Reflection;
using System.Runtime.CompilerServices;
using CrmStateSync.Crm.Catalogue;
using CrmStateSync.Crm.Mapping;
using CrmStateSync.Rules.Model;

namespace CrmStateSync.Crm.Tests.Catalogue;

/// <summary>
/// Issue 14 item 3: <see cref="FieldCatalogue"/> is the one list of input fields. These hold it to the model (a new
/// model property must be catalogued or named as structure here), its reading to its writing (the same keys, kinds,
/// picklists and properties in the same order) and to the default CRM mappings.
/// </summary>
public sealed class FieldCatalogueTests
{
    /// <summary>Model members that are structure, not input fields: ids, the account's managed and last-written values, the child lists.</summary>
    private static readonly Dictionary<Type, string[]> NotCatalogued = new()
    {
        [typeof(AccountSnapshot)] = ["id", "managed", "lastWritten", "opportunities", "contacts", "usage"],
        [typeof(Opportunity)] = ["id"],
        [typeof(Contact)] = ["id"],
        [typeof(UsageRow)] = [],
    };

    private static IEnumerable<TestCaseData> Catalogues()
    {
        yield return new TestCaseData(typeof(AccountSnapshot), Keys(FieldCatalogue.Account)).SetArgDisplayNames("account");
        yield return new TestCaseData(typeof(Opportunity), Keys(FieldCatalogue.Opportunity)).SetArgDisplayNames("opportunity");
        yield return new TestCaseData(typeof(Contact), Keys(FieldCatalogue.Contact)).SetArgDisplayNames("contact");
        yield return new TestCaseData(typeof(UsageRow), Keys(FieldCatalogue.Usage)).SetArgDisplayNames("usage row");
    }

    [TestCaseSource(nameof(Catalogues))]
    public void Model_EveryInitProperty_IsCataloguedOrNamedAsStructure(Type model, string[] catalogued)
    {
        var properties = model.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod?.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit)) == true)
            .Select(p => char.ToLowerInvariant(p.Name[0]) + p.Name[1..])
            .ToList();

        Assert.Multiple(() =>
        {
            Assert.That(catalogued, Is.Unique);
            Assert.That(catalogued.Intersect(NotCatalogued[model]), Is.Empty, "catalogued and named as structure");
            Assert.That(properties.Except(NotCatalogued[model]), Is.EquivalentTo(catalogued),
                $"every init property of {model.Name} is a catalogue field or named in {nameof(NotCatalogued)}");
        });
    }

    [Test]
    public void ReadAccount_AsksForEveryCatalogueField_InOrder_AndTheFieldsGiveBackWhatWasRead()
    {
        var source = new RecordingSource();

        var account = FieldCatalogue.ReadAccount(source, "001", default(NoParts));

        AssertAgree(source, FieldCatalogue.Account, account);
        Assert.That(account.Id, Is.EqualTo("001"));
    }

    [Test]
    public void ReadOpportunity_AsksForEveryCatalogueField_InOrder_AndTheFieldsGiveBackWhatWasRead()
    {
        var source = new RecordingSource();

        AssertAgree(source, FieldCatalogue.Opportunity, FieldCatalogue.ReadOpportunity(source, "006"));
    }

    [Test]
    public void ReadContact_AsksForEveryCatalogueField_InOrder_AndTheFieldsGiveBackWhatWasRead()
    {
        var source = new RecordingSource();

        AssertAgree(source, FieldCatalogue.Contact, FieldCatalogue.ReadContact(source, "003"));
    }

    [Test]
    public void ReadUsage_AsksForEveryCatalogueField_InOrder_AndTheFieldsGiveBackWhatWasRead()
    {
        var source = new RecordingSource();

        AssertAgree(source, FieldCatalogue.Usage, FieldCatalogue.ReadUsage(source)!);
    }

    [Test]
    public void ReadUsage_NoDate_NoRowAndNothingElseRead()
    {
        var source = new RecordingSource { NoDate = true };

        Assert.That(FieldCatalogue.ReadUsage(source), Is.Null);
        Assert.That(source.Asked.Select(a => a.Key), Is.EqualTo(new[] { FieldCatalogue.UsageDate }));
    }

    private static IEnumerable<TestCaseData> Providers()
    {
        yield return new TestCaseData(DefaultMappings.Salesforce()).SetArgDisplayNames("Salesforce");
        yield return new TestCaseData(DefaultMappings.HubSpot()).SetArgDisplayNames("HubSpot");
    }

    /// <summary>
    /// crm-schema.md names a field for every input. The one exception by design: a usage row's <c>metrics</c> are no
    /// field of their own; each named metric has its own field in <see cref="FieldMappingOptions.UsageMetrics"/>.
    /// </summary>
    [TestCaseSource(nameof(Providers))]
    public void DefaultMappings_NameACrmFieldForEveryCatalogueKey(FieldMappingOptions mapping)
    {
        Assert.Multiple(() =>
        {
            Assert.That(Unmapped(FieldCatalogue.Account, mapping.Account), Is.Empty, "account");
            Assert.That(Unmapped(FieldCatalogue.Opportunity, mapping.Opportunity), Is.Empty, "opportunity");
            Assert.That(Unmapped(FieldCatalogue.Contact, mapping.Contact), Is.Empty, "contact");
            Assert.That(Unmapped(FieldCatalogue.Usage, mapping.Usage), Is.Empty, "usage");
            Assert.That(FieldCatalogue.Usage.Where(f => f.Kind == CanonicalFieldKind.Metrics).Select(f => f.Key), Is.EqualTo(new[] { "metrics" }));
            Assert.That(mapping.UsageMetrics, Is.Not.Empty, "the metrics' own fields");
        });
    }

    [TestCaseSource(nameof(Providers))]
    public void DefaultMappings_HaveEveryCataloguePicklistThatTranslates(FieldMappingOptions mapping)
    {
        var picklists = FieldCatalogue.Account.Where(f => f.Kind == CanonicalFieldKind.Enum).Select(f => f.Picklist)
            .Concat(FieldCatalogue.Opportunity.Where(f => f.Kind == CanonicalFieldKind.Enum).Select(f => f.Picklist))
            .Concat(FieldCatalogue.Contact.Where(f => f.Kind == CanonicalFieldKind.Enum).Select(f => f.Picklist));

        Assert.That(picklists, Is.All.Matches<string>(mapping.Picklists.ContainsKey));
    }

    private static string[] Keys<T>(IReadOnlyList<CanonicalField<T>> fields) => [.. fields.Select(f => f.Key)];

    private static string[] Unmapped<T>(IReadOnlyList<CanonicalField<T>> fields, Dictionary<string, string> map) =>
        [.. fields.Where(f => f.Kind != CanonicalFieldKind.Metrics && !map.ContainsKey(f.Key)).Select(f => f.Key)];

    private static void AssertAgree<T>(RecordingSource source, IReadOnlyList<CanonicalField<T>> fields, T model)
    {
        Assert.Multiple(() =>
        {
            Assert.That(source.Asked.Select(a => (a.Key, a.Kind, a.Picklist, a.Required)),
                Is.EqualTo(fields.Select(f => (f.Key, f.Kind, f.Picklist, f.Required))), "read: key, kind, picklist, required");
            foreach (var (field, asked) in fields.Zip(source.Asked))
            {
                Assert.That(field.Value(model), Is.EqualTo(asked.Value), $"{field.Key}: the catalogue's value is the property it was read into");
            }
        });
    }

    /// <summary>Records what is asked for, answering each with a value of its own (by the order asked).</summary>
    private sealed class RecordingSource : ICanonicalFieldSource
    {
        public List<(string Key, CanonicalFieldKind Kind, string? Picklist, bool Required, object? Value)> Asked { get; } = [];

        public bool NoDate { get; init; }

        public string? Text(string key) => Answer(key, CanonicalFieldKind.Text, null, false, $"text {Asked.Count}");

        public string? Id(string key) => Answer(key, CanonicalFieldKind.Id, null, false, $"id {Asked.Count}");

        public string? Known(string key, string picklist) => Answer(key, CanonicalFieldKind.Known, picklist, false, $"known {Asked.Count}");

        public DateOnly? CalendarDate(string key) => Answer<DateOnly?>(key, CanonicalFieldKind.Date, null, false, new DateOnly(2026, 1, 1).AddDays(Asked.Count));

        public DateOnly? RequiredDate(string key) =>
            Answer<DateOnly?>(key, CanonicalFieldKind.Date, null, true, NoDate ? null : new DateOnly(2026, 1, 1).AddDays(Asked.Count));

        public bool? Bool(string key) => Answer<bool?>(key, CanonicalFieldKind.Bool, null, false, Asked.Count % 2 == 0);

        public int Count(string key) => Answer(key, CanonicalFieldKind.Count, null, false, Asked.Count + 1);

        public T? Picklist<T>(string key, string picklist)
            where T : struct, Enum => Answer<T?>(key, CanonicalFieldKind.Enum, picklist, false, Enum.GetValues<T>()[Asked.Count % Enum.GetValues<T>().Length]);

        public IReadOnlyDictionary<string, double> Metrics(string key) =>
            Answer<IReadOnlyDictionary<string, double>>(key, CanonicalFieldKind.Metrics, null, false, new Dictionary<string, double> { ["m"] = Asked.Count });

        private T Answer<T>(string key, CanonicalFieldKind kind, string? picklist, bool required, T value)
        {
            Asked.Add((key, kind, picklist, required, value));
            return value;
        }
    }

    private readonly struct NoParts : IAccountParts
    {
        public ManagedValues Managed() => ManagedValues.Empty;

        public LastWritten? LastWritten() => null;

        public IReadOnlyList<Opportunity> Opportunities() => [];

        public IReadOnlyList<Contact> Contacts() => [];

        public IReadOnlyList<UsageRow> Usage() => [];
    }
}
