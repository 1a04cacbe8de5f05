using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CrmStateSync.Rules.Model;

namespace CrmStateSync.Snapshots;

/// <summary>
/// Reads snapshots (rules.md §1) from a JSON document — <c>{"asOf": …, "accounts": [ … ]}</c> or a bare array — or
/// from JSON Lines (<c>.jsonl</c>, one account per line). A malformed account is reported with its id and JSON path
/// and skipped; the others are read. In a JSON document a syntax error ends the read at that account (nothing after it
/// can be trusted); in JSON Lines it costs only its own line.
/// </summary>
public static partial class SnapshotFileReader
{
    private const string FileLabel = "(file)";

    public static SnapshotBatch Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var isLines = path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase);
        return isLines ? ReadLines(bytes) : ReadDocument(bytes);
    }

    public static SnapshotBatch ReadDocument(byte[] json)
    {
        var sink = new Sink();
        DateOnly? asOf = null;
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        try
        {
            if (!reader.Read())
            {
                sink.Problems.Add(new InputProblem(FileLabel, "$", "the file is empty"));
            }
            else if (reader.TokenType == JsonTokenType.StartArray)
            {
                ReadArray(ref reader, json, "$", sink);
            }
            else if (reader.TokenType == JsonTokenType.StartObject)
            {
                asOf = ReadRoot(ref reader, json, sink);
            }
            else
            {
                sink.Problems.Add(new InputProblem(FileLabel, "$", "expected an object with \"accounts\" or an array of accounts"));
            }
        }
        catch (JsonException ex)
        {
            sink.Problems.Add(new InputProblem(sink.CurrentLabel(json), sink.CurrentPath ?? "$", $"invalid JSON at line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}: {ex.Message}; nothing after it was read"));
        }

        return new SnapshotBatch(asOf, sink.Accounts, sink.Problems);
    }

    public static SnapshotBatch ReadLines(byte[] bytes)
    {
        var sink = new Sink();
        var lines = Encoding.UTF8.GetString(bytes).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var path = $"line {i + 1}";
            try
            {
                using var doc = JsonDocument.Parse(line);
                sink.Add(doc.RootElement, path, i);
            }
            catch (JsonException ex)
            {
                sink.Problems.Add(new InputProblem(IdIn(line) ?? $"#{i}", path, $"invalid JSON at byte {ex.BytePositionInLine + 1}: {ex.Message}"));
            }
        }

        return new SnapshotBatch(null, sink.Accounts, sink.Problems);
    }

    private static DateOnly? ReadRoot(ref Utf8JsonReader reader, byte[] json, Sink sink)
    {
        DateOnly? asOf = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            if (name == "asOf")
            {
                asOf = ReadAsOf(ref reader, sink);
            }
            else if (name == "accounts" && reader.TokenType == JsonTokenType.StartArray)
            {
                ReadArray(ref reader, json, "$.accounts", sink);
            }
            else
            {
                reader.Skip();
            }
        }

        return asOf;
    }

    private static DateOnly? ReadAsOf(ref Utf8JsonReader reader, Sink sink)
    {
        if (reader.TokenType == JsonTokenType.String
            && DateOnly.TryParseExact(reader.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return d;
        }

        if (reader.TokenType != JsonTokenType.Null)
        {
            sink.Problems.Add(new InputProblem(FileLabel, "$.asOf", "is not a date (YYYY-MM-DD)"));
        }

        reader.Skip();
        return null;
    }

    private static void ReadArray(ref Utf8JsonReader reader, byte[] json, string arrayPath, Sink sink)
    {
        var index = 0;
        while (true)
        {
            sink.CurrentPath = $"{arrayPath}[{index}]";
            sink.CurrentStart = (int)reader.BytesConsumed;
            sink.CurrentIndex = index;
            if (!reader.Read() || reader.TokenType == JsonTokenType.EndArray)
            {
                sink.CurrentPath = null;
                return;
            }

            sink.CurrentStart = (int)reader.TokenStartIndex;
            using var doc = JsonDocument.ParseValue(ref reader);
            sink.Add(doc.RootElement, sink.CurrentPath, index++);
        }
    }

    /// <summary>Best effort: the account id in raw text that did not parse, so the problem can name the account.</summary>
    internal static string? IdIn(string raw) => IdPattern().Match(raw) is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex("\"id\"\\s*:\\s*\"([^\"]*)\"")]
    private static partial Regex IdPattern();

    private sealed class Sink
    {
        private readonly HashSet<string> _ids = new(StringComparer.Ordinal);

        public List<AccountSnapshot> Accounts { get; } = [];
        public List<InputProblem> Problems { get; } = [];
        public string? CurrentPath { get; set; }
        public int CurrentStart { get; set; }
        public int CurrentIndex { get; set; }

        public string CurrentLabel(byte[] json)
        {
            var start = Math.Clamp(CurrentStart, 0, json.Length);
            var raw = Encoding.UTF8.GetString(json, start, Math.Min(4096, json.Length - start));
            return IdIn(raw) ?? $"#{CurrentIndex}";
        }

        public void Add(JsonElement element, string path, int index)
        {
            var problems = new List<(string Path, string Message)>();
            var snapshot = SnapshotMapper.Map(element, path, problems);
            var label = string.IsNullOrWhiteSpace(snapshot?.Id) ? $"#{index}" : snapshot.Id;
            if (snapshot is not null && problems.Count == 0 && !_ids.Add(snapshot.Id))
            {
                problems.Add(($"{path}.id", $"duplicate account id '{snapshot.Id}'; the first one was evaluated"));
            }

            Problems.AddRange(problems.Select(p => new InputProblem(label, p.Path, p.Message)));
            if (snapshot is not null && problems.Count == 0)
            {
                Accounts.Add(snapshot);
            }
        }
    }
}
