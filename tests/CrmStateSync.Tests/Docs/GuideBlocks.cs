using System.Text;
using System.Text.RegularExpressions;

namespace CrmStateSync.Tests.Docs;

/// <summary>
/// The fenced blocks of a Markdown guide: the <c>sh</c> blocks a reader types, and the plain blocks after each that show
/// what the commands print. Guide text may cut output with "…" (a whole line: any lines; inside a line: any text).
/// </summary>
internal sealed partial class GuideBlocks
{
    private readonly List<(string Info, string Text)> _blocks = [];

    private GuideBlocks(string markdown)
    {
        var lines = markdown.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("```", StringComparison.Ordinal))
            {
                continue;
            }

            var info = lines[i][3..].Trim();
            var body = new StringBuilder();
            for (i++; i < lines.Length && !lines[i].StartsWith("```", StringComparison.Ordinal); i++)
            {
                body.Append(lines[i].TrimEnd('\r')).Append('\n');
            }

            _blocks.Add((info, body.ToString()));
        }
    }

    public static GuideBlocks Read(string path) => new(File.ReadAllText(path));

    /// <summary>
    /// The commands of the one <c>sh</c> block whose text is exactly <paramref name="block"/> (so a test runs what the
    /// guide says, word for word), and the plain blocks right after it: what the guide says they print.
    /// </summary>
    public (IReadOnlyList<string[]> Commands, IReadOnlyList<string> Outputs) Step(string block)
    {
        var matches = Enumerable.Range(0, _blocks.Count).Where(i => _blocks[i].Info == "sh" && _blocks[i].Text.Trim() == block.Trim()).ToList();
        if (matches.Count != 1)
        {
            throw new InvalidOperationException($"the guide has {matches.Count} sh block(s) reading exactly:\n{block}");
        }

        var commands = _blocks[matches[0]].Text.Split('\n')
            .Where(l => l.StartsWith("crmstatesync ", StringComparison.Ordinal))
            .Select(l => l["crmstatesync ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToList();
        return (commands, [.. _blocks.Skip(matches[0] + 1).TakeWhile(b => b.Info.Length == 0).Select(b => b.Text)]);
    }

    /// <summary>The text of the one <c>sh</c> block that contains <paramref name="text"/>, and the plain blocks after it.</summary>
    public (string Block, IReadOnlyList<string> Outputs) StepContaining(string text)
    {
        var block = ShBlock(b => b.Contains(text, StringComparison.Ordinal), text);
        return (block, Step(block).Outputs);
    }

    private string ShBlock(Func<string, bool> match, string description)
    {
        var found = _blocks.Where(b => b.Info == "sh" && match(b.Text)).ToList();
        return found.Count == 1 ? found[0].Text : throw new InvalidOperationException($"the guide has {found.Count} sh block(s) matching:\n{description}");
    }

    /// <summary>The first block with the given info string after the sh block reading exactly <paramref name="block"/>.</summary>
    public string BlockAfter(string block, string info)
    {
        var text = ShBlock(b => b.Trim() == block.Trim(), block);
        var at = _blocks.FindIndex(b => b.Info == "sh" && b.Text == text);
        return _blocks.Skip(at + 1).First(b => b.Info == info).Text;
    }

    /// <summary>
    /// Lines of <paramref name="expected"/> (the guide's) that the actual output does not show, in order: each line must
    /// match a later line of the output than the one before it did; a lone "…" skips any lines, "…" in a line any text.
    /// Ports of loopback addresses are ignored (the guide's sandbox runs on 5480, a test's on a free port).
    /// </summary>
    public static IReadOnlyList<string> Missing(string expected, string actual)
    {
        var output = actual.Replace("\r", "", StringComparison.Ordinal).Split('\n').Select(Normalize).ToList();
        var missing = new List<string>();
        var at = 0;
        foreach (var line in expected.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0 && l != "…"))
        {
            var pattern = new Regex("^" + string.Join(".*", Normalize(line).Split('…').Select(Regex.Escape)) + "$");
            var found = output.FindIndex(at, o => pattern.IsMatch(o));
            if (found < 0)
            {
                missing.Add(line);
                continue;
            }

            at = found + 1;
        }

        return missing;
    }

    private static string Normalize(string line) => LoopbackPort().Replace(line.TrimEnd(), "127.0.0.1:PORT");

    [GeneratedRegex(@"127\.0\.0\.1:\d+")]
    private static partial Regex LoopbackPort();
}
