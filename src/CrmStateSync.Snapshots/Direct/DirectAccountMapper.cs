using System.Text.Json;
using CrmStateSync.Crm.Catalogue;
using CrmStateSync.Rules.Model;

namespace CrmStateSync.Snapshots.Direct;

/// <summary>What one direct read of an account came to.</summary>
internal enum DirectOutcome
{
    /// <summary>Mapped; the reader stands after the account.</summary>
    Mapped,

    /// <summary>The account does not end within the bytes yet: refill and try again.</summary>
    NeedMoreData,

    /// <summary>Something only the strict path may take or word: a problem, escapes in a name, a repeated name, bad syntax.</summary>
    NotPlain,
}

/// <summary>
/// Maps one account straight from the reader that found it, in one forward pass over its bytes: the child lists as
/// they come, every other object through a <see cref="PropertyTable"/> and the <see cref="FieldCatalogue"/>. No
/// <see cref="JsonDocument"/>, no second scan to find the account's end, no JSON path strings. It is the fast path of
/// <see cref="SnapshotMapper"/> (about half of <c>evaluate</c>'s CPU went to finding, parsing and looking up through
/// the document, docs/benchmarks.md) and only ever agrees with it: whatever that one would report, or might read
/// differently, comes back <see cref="DirectOutcome.NotPlain"/> and the account is read the strict way.
/// Not thread-safe: its tables are reused from one account to the next.
/// </summary>
internal sealed class DirectAccountMapper(JsonReaderOptions options)
{
    private readonly PropertyTable _account = new();
    private readonly PropertyTable _child = new();
    private readonly PropertyTable _state = new();
    private readonly MissFlag _miss = new();

    /// <summary>
    /// Maps the account whose <c>{</c> <paramref name="reader"/> has just read. <paramref name="bytes"/> are the bytes
    /// the reader reads (its token indexes are offsets into them). On <see cref="DirectOutcome.Mapped"/> the reader has
    /// moved past the account; otherwise it is left where it was.
    /// </summary>
    public DirectOutcome TryMap(ref Utf8JsonReader reader, ReadOnlyMemory<byte> bytes, out AccountSnapshot? snapshot)
    {
        _miss.Set = false;
        var attempt = reader;
        try
        {
            var outcome = ReadAccount(ref attempt, bytes, out snapshot);
            if (outcome == DirectOutcome.Mapped && !_miss.Set)
            {
                reader = attempt;
                return outcome;
            }

            snapshot = null;
            return _miss.Set ? DirectOutcome.NotPlain : outcome;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // The strict path meets the same syntax error and names its place, or words the bytes that are not UTF-8.
            snapshot = null;
            return DirectOutcome.NotPlain;
        }
    }

    private DirectOutcome ReadAccount(ref Utf8JsonReader reader, ReadOnlyMemory<byte> bytes, out AccountSnapshot? snapshot)
    {
        snapshot = null;
        _account.Clear();
        var span = bytes.Span;
        var opportunities = new List<Opportunity>();
        var contacts = new List<Contact>();
        var usage = new List<UsageRow>();
        while (true)
        {
            if (!reader.Read())
            {
                return DirectOutcome.NeedMoreData;
            }

            if (reader.TokenType == JsonTokenType.EndObject)
            {
                break;
            }

            var list = ListNamed(reader.ValueSpan, reader.ValueIsEscaped);
            var (outcome, entry) = ReadProperty(ref reader, 0, inlineArray: list != ChildList.None);
            if (outcome != DirectOutcome.Mapped)
            {
                return outcome;
            }

            if (!_account.Add(span, entry))
            {
                return DirectOutcome.NotPlain;
            }

            if (list != ChildList.None && entry.Type != JsonTokenType.Null)
            {
                outcome = entry.Type != JsonTokenType.StartArray ? DirectOutcome.NotPlain : list switch
                {
                    ChildList.Opportunities => ReadList(ref reader, bytes, opportunities, static f => FieldCatalogue.ReadOpportunity(f, f.RequiredString("id"))),
                    ChildList.Contacts => ReadList(ref reader, bytes, contacts, static f => FieldCatalogue.ReadContact(f, f.RequiredString("id"))),
                    _ => ReadList(ref reader, bytes, usage, static f => FieldCatalogue.ReadUsage(f)!),
                };
                if (outcome != DirectOutcome.Mapped)
                {
                    return outcome;
                }
            }
        }

        var fields = new DirectFields(bytes, _account, _miss, options);
        var id = fields.RequiredString("id");
        var parts = new DirectParts(Managed(fields, bytes), LastWritten(fields, bytes), opportunities, contacts, usage);
        snapshot = _miss.Set ? null : FieldCatalogue.ReadAccount(fields, id, parts);
        return DirectOutcome.Mapped;
    }

    /// <summary>
    /// Reads a property name and its value. A container is skipped and recorded whole, except an array that
    /// <paramref name="inlineArray"/> leaves for the caller to read element by element (a child list).
    /// </summary>
    private static (DirectOutcome, PropertyEntry) ReadProperty(ref Utf8JsonReader reader, int offset, bool inlineArray)
    {
        if (reader.TokenType != JsonTokenType.PropertyName || reader.ValueIsEscaped)
        {
            return (DirectOutcome.NotPlain, default);
        }

        var nameStart = offset + (int)reader.TokenStartIndex + 1;
        var nameLength = reader.ValueSpan.Length;
        if (!reader.Read())
        {
            return (DirectOutcome.NeedMoreData, default);
        }

        var type = reader.TokenType;
        var start = offset + (int)reader.TokenStartIndex;
        switch (type)
        {
            case JsonTokenType.StartArray when inlineArray:
                return (DirectOutcome.Mapped, new PropertyEntry(nameStart, nameLength, type, start, 0, false));
            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                return reader.TrySkip()
                    ? (DirectOutcome.Mapped, new PropertyEntry(nameStart, nameLength, type, start, offset + (int)reader.BytesConsumed - start, false))
                    : (DirectOutcome.NeedMoreData, default);
            case JsonTokenType.String:
                return (DirectOutcome.Mapped, new PropertyEntry(nameStart, nameLength, type, start + 1, reader.ValueSpan.Length, reader.ValueIsEscaped));
            default:
                return (DirectOutcome.Mapped, new PropertyEntry(nameStart, nameLength, type, start, reader.ValueSpan.Length, false));
        }
    }

    /// <summary>Reads the properties of the object whose <c>{</c> the reader has just read into <paramref name="table"/>.</summary>
    private static DirectOutcome ReadObject(ref Utf8JsonReader reader, ReadOnlySpan<byte> bytes, int offset, PropertyTable table)
    {
        table.Clear();
        while (true)
        {
            if (!reader.Read())
            {
                return DirectOutcome.NeedMoreData;
            }

            if (reader.TokenType == JsonTokenType.EndObject)
            {
                return DirectOutcome.Mapped;
            }

            var (outcome, entry) = ReadProperty(ref reader, offset, inlineArray: false);
            if (outcome != DirectOutcome.Mapped)
            {
                return outcome;
            }

            if (!table.Add(bytes, entry))
            {
                return DirectOutcome.NotPlain;
            }
        }
    }

    /// <summary>A child list read element by element; an element that is not an object is the strict path's problem.</summary>
    private DirectOutcome ReadList<T>(ref Utf8JsonReader reader, ReadOnlyMemory<byte> bytes, List<T> into, Func<DirectFields, T> map)
    {
        var fields = new DirectFields(bytes, _child, _miss, options);
        while (true)
        {
            if (!reader.Read())
            {
                return DirectOutcome.NeedMoreData;
            }

            if (reader.TokenType == JsonTokenType.EndArray)
            {
                return DirectOutcome.Mapped;
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return DirectOutcome.NotPlain;
            }

            var outcome = ReadObject(ref reader, bytes.Span, 0, _child);
            if (outcome != DirectOutcome.Mapped)
            {
                return outcome;
            }

            into.Add(map(fields));
            if (_miss.Set)
            {
                return DirectOutcome.NotPlain;
            }
        }
    }

    /// <summary>The <c>managed</c> object (as <see cref="ManagedMapper"/>), or empty when absent.</summary>
    private ManagedValues Managed(DirectFields account, ReadOnlyMemory<byte> bytes)
    {
        if (!account.TryObject("managed", out var entry) || !Table(account, entry, bytes, _child))
        {
            return ManagedValues.Empty;
        }

        var f = new DirectFields(bytes, _child, _miss, options);
        return new ManagedValues
        {
            Stage = f.String("stage"),
            StageChangedOn = f.CalendarDate("stageChangedOn"),
            StageEntryDates = Dates(f, "stageEntryDates"),
            States = States(f, bytes),
            Milestones = Dates(f, "milestones"),
            MilestoneStalled = f.Bool("milestoneStalled"),
            MilestoneStalledSince = f.CalendarDate("milestoneStalledSince"),
        };
    }

    /// <summary>The <c>lastWritten</c> object, or null when absent.</summary>
    private LastWritten? LastWritten(DirectFields account, ReadOnlyMemory<byte> bytes)
    {
        if (!account.TryObject("lastWritten", out var entry) || !Table(account, entry, bytes, _child))
        {
            return null;
        }

        var f = new DirectFields(bytes, _child, _miss, options);
        return new LastWritten
        {
            Stage = f.String("stage"),
            StageSource = f.Enum<StageSource>("stageSource") ?? StageSource.Automated,
            StageSetOn = f.CalendarDate("stageSetOn"),
        };
    }

    /// <summary>A recorded object's properties into <paramref name="table"/>; false (a miss) when it cannot be taken.</summary>
    private static bool Table(DirectFields owner, PropertyEntry entry, ReadOnlyMemory<byte> bytes, PropertyTable table)
    {
        var reader = owner.Open(entry);
        return ReadObject(ref reader, bytes.Span, entry.ValueStart, table) == DirectOutcome.Mapped || owner.Miss<bool>();
    }

    /// <summary>An object of dates by key (stage entry dates, milestones); a null value leaves its key out.</summary>
    private static Dictionary<string, DateOnly> Dates(DirectFields f, string key)
    {
        var result = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        if (!f.TryObject(key, out var entry))
        {
            return result;
        }

        var reader = f.Open(entry);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();

            // A null beside a repeated key would make the strict path's answer depend on the order: left to it.
            if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped
                || !IsoDate.TryParseUnquoted(reader.ValueSpan, out var date) || !result.TryAdd(name, date))
            {
                return f.Miss<Dictionary<string, DateOnly>>();
            }
        }

        return result;
    }

    /// <summary>The six states' readings; a state whose value is not an object is passed over, as the strict path does.</summary>
    private StateSet States(DirectFields managed, ReadOnlyMemory<byte> bytes)
    {
        var set = StateSet.Empty;
        if (!managed.TryObject("states", out var entry))
        {
            return set;
        }

        var seen = 0L;
        var reader = managed.Open(entry);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!CsStates.TryParseKey(reader.GetString()!, out var state) || (seen & Bit(state)) != 0)
            {
                return managed.Miss<StateSet>();
            }

            seen |= Bit(state);
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                continue;
            }

            var offset = entry.ValueStart;
            if (ReadObject(ref reader, bytes.Span, offset, _state) != DirectOutcome.Mapped)
            {
                return managed.Miss<StateSet>();
            }

            var f = new DirectFields(bytes, _state, _miss, options);
            if (f.Enum<StateValue>("value") is { } value)
            {
                set = set.With(state, new StateReading(value, f.CalendarDate("verifiedOn")));
            }
        }

        return set;
    }

    private static long Bit(CsState state) => 1L << (int)state;

    /// <summary>The account's parts as read: the lists already built, the objects mapped.</summary>
    private readonly struct DirectParts(ManagedValues managed, LastWritten? lastWritten, List<Opportunity> opportunities, List<Contact> contacts, List<UsageRow> usage) : IAccountParts
    {
        public ManagedValues Managed() => managed;

        public LastWritten? LastWritten() => lastWritten;

        public IReadOnlyList<Opportunity> Opportunities() => opportunities;

        public IReadOnlyList<Contact> Contacts() => contacts;

        public IReadOnlyList<UsageRow> Usage() => usage;
    }

    /// <summary>The account's child lists, read as they come.</summary>
    private enum ChildList
    {
        None,
        Opportunities,
        Contacts,
        Usage,
    }

    private static ChildList ListNamed(ReadOnlySpan<byte> name, bool escaped) => escaped ? ChildList.None : name switch
    {
        _ when name.SequenceEqual("usage"u8) => ChildList.Usage,
        _ when name.SequenceEqual("contacts"u8) => ChildList.Contacts,
        _ when name.SequenceEqual("opportunities"u8) => ChildList.Opportunities,
        _ => ChildList.None,
    };
}
