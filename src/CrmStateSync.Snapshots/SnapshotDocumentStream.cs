using System.Globalization;
using System.Text.Json;
using CrmStateSync.Snapshots.Direct;

namespace CrmStateSync.Snapshots;

/// <summary>
/// Streams the accounts of a JSON document — <c>{"asOf": …, "accounts": [ … ]}</c> or a bare array — one at a time:
/// a <see cref="Utf8JsonReader"/> over a <see cref="ByteWindow"/> finds where each account ends (carrying its state from
/// one window to the next), and hands on only that account's bytes, to be parsed and mapped (<see cref="AccountChecker"/>).
/// A syntax error ends the read at that account (nothing after it can be trusted), named by its id and the line and byte.
/// </summary>
internal sealed partial class SnapshotDocumentStream(Stream stream, Func<DateOnly?>? findAsOf, bool direct = true)
{
    private static readonly JsonReaderOptions ReaderOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
    private const string FileLabel = "(file)";

    private readonly DirectAccountMapper? _direct = direct ? new DirectAccountMapper(ReaderOptions) : null;

    private readonly ByteWindow _window = new(stream);
    private JsonReaderState _state = new(ReaderOptions);
    private bool _asOfSeen;
    private bool _done;
    private string? _arrayPath;
    private int _index;

    /// <summary>The file's <c>asOf</c>: known before the first account is returned when <c>findAsOf</c> was given.</summary>
    public DateOnly? AsOf { get; private set; }

    /// <summary>The accounts' bytes and the read's problems in file order; an account's bytes are valid until the next item.</summary>
    public IEnumerable<RawItem> Read()
    {
        var items = Guarded(Start);
        while (items is not null)
        {
            foreach (var item in items)
            {
                yield return item;
            }

            items = _done ? null : Guarded(_arrayPath is null ? NextProperty : NextAccount);
        }
    }

    /// <summary>The value of the root's <c>asOf</c> wherever it stands, reading nothing else into memory; null if none or unreadable.</summary>
    public DateOnly? ScanAsOf()
    {
        try
        {
            if (NextToken().Type != JsonTokenType.StartObject)
            {
                return null;
            }

            for (var name = NextToken(); name.Type == JsonTokenType.PropertyName; name = NextToken())
            {
                var value = NextToken();
                if (name.Text == "asOf")
                {
                    return value.Type == JsonTokenType.String && ParseDate(value.Text) is { } date ? date : null;
                }

                SkipContainer(value);
            }
        }
        catch (JsonException)
        {
            // Unreadable here is unreadable in the read itself, which reports it with its place.
        }

        return null;
    }

    private List<RawItem>? Guarded(Func<List<RawItem>?> step)
    {
        try
        {
            return step();
        }
        catch (JsonException ex)
        {
            var account = _arrayPath is null ? FileLabel : SnapshotFileReader.IdIn(_window.Span) ?? $"#{_index}";
            var path = _arrayPath is null ? "$" : $"{_arrayPath}[{_index}]";
            var message = $"invalid JSON at line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}: {ex.Message}; nothing after it was read";
            _done = true;
            return [RawItem.Of(new InputProblem(account, path, message))];
        }
    }

    private List<RawItem>? Start()
    {
        var first = NextToken();
        switch (first.Type)
        {
            case JsonTokenType.None:
                _done = true;
                return [Problem("$", "the file is empty")];
            case JsonTokenType.StartArray:
                _arrayPath = "$";
                return [];
            case JsonTokenType.StartObject:
                return [];
            default:
                _done = true;
                return [Problem("$", "expected an object with \"accounts\" or an array of accounts")];
        }
    }

    private List<RawItem>? NextProperty()
    {
        var name = NextToken();
        if (name.Type != JsonTokenType.PropertyName)
        {
            _done = true;
            return null;
        }

        var value = NextToken();
        if (name.Text == "asOf")
        {
            return ReadAsOf(value);
        }

        if (name.Text == "accounts" && value.Type == JsonTokenType.StartArray)
        {
            AsOf = _asOfSeen || findAsOf is null ? AsOf : findAsOf();
            (_arrayPath, _index) = ("$.accounts", 0);
            return [];
        }

        SkipContainer(value);
        return [];
    }

    private List<RawItem>? ReadAsOf(Token value)
    {
        _asOfSeen = true;
        AsOf = value.Type == JsonTokenType.String ? ParseDate(value.Text) : null;
        SkipContainer(value);
        return AsOf is null && value.Type != JsonTokenType.Null ? [Problem("$.asOf", "is not a date (YYYY-MM-DD)")] : [];
    }

    private List<RawItem>? NextAccount()
    {
        if (!NextElement(out var element, out var snapshot))
        {
            _done = _arrayPath == "$";
            (_arrayPath, _index) = (null, 0);
            return [];
        }

        var index = _index++;
        return [new RawItem(element, $"{_arrayPath}[{index}]", index, IsLine: false, Snapshot: snapshot)];
    }

    private static RawItem Problem(string path, string message) => RawItem.Of(new InputProblem(FileLabel, path, message));

    private static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
