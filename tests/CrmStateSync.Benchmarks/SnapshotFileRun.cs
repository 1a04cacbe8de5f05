using System.Buffers;
using System.Text.Json;

namespace CrmStateSync.Benchmarks;

/// <summary>
/// <c>snapshots --accounts N --out FILE [--seed N]</c>: writes the generator's accounts as an <c>evaluate</c> input,
/// streamed in chunks so memory stays flat. A file ending in <c>.jsonl</c> or <c>.ndjson</c> gets JSON Lines (one
/// account per line); any other <c>{"asOf": "2026-06-01", "accounts": [ … ]}</c> with one account per line.
/// </summary>
internal static class SnapshotFileRun
{
    private const string Usage = "usage: snapshots --accounts N --out FILE [--seed N]";
    private const int Chunk = 10_000;

    public static int Run(IReadOnlyList<string> args)
    {
        if (!TryParse(args, out var accounts, out var path, out var seed))
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var lines = path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase);
        var generator = new AccountGenerator(seed);
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        var buffer = new ArrayBufferWriter<byte>(1 << 16);
        using var w = new Utf8JsonWriter(buffer);
        Raw(file, lines ? "" : $"{{\"asOf\":\"{AccountGenerator.AsOf:yyyy-MM-dd}\",\"accounts\":[\n");
        for (var start = 0; start < accounts; start += Chunk)
        {
            var chunk = generator.Generate(start, Math.Min(Chunk, accounts - start));
            for (var i = 0; i < chunk.Length; i++)
            {
                SnapshotJson.Write(w, chunk[i]);
                w.Flush();
                file.Write(buffer.WrittenSpan);
                buffer.ResetWrittenCount();
                w.Reset();
                var last = start + i == accounts - 1;
                Raw(file, lines || last ? "\n" : ",\n");
            }
        }

        Raw(file, lines ? "" : "]}\n");
        Console.WriteLine($"{accounts} accounts, {file.Length:N0} bytes: {path}");
        return 0;
    }

    private static void Raw(FileStream file, string text)
    {
        file.Write(System.Text.Encoding.UTF8.GetBytes(text));
    }

    private static bool TryParse(IReadOnlyList<string> args, out int accounts, out string path, out int seed)
    {
        (accounts, path, seed) = (0, "", AccountGenerator.DefaultSeed);
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            switch (args[i])
            {
                case "--accounts" when int.TryParse(args[i + 1].Replace("_", "", StringComparison.Ordinal), out var n) && n > 0: accounts = n; break;
                case "--out": path = args[i + 1]; break;
                case "--seed" when int.TryParse(args[i + 1], out var s): seed = s; break;
                default: return false;
            }
        }

        return accounts > 0 && path.Length > 0 && args.Count % 2 == 0;
    }
}
