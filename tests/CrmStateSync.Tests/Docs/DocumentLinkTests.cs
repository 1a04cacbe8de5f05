using System.Text.RegularExpressions;
using CrmStateSync.Tests.TestSupport;

namespace CrmStateSync.Tests.Docs;

/// <summary>
/// Issue 13 item 10: every relative link of the repository's Markdown resolves to a file or folder inside the
/// repository. A clone is all a reader has: a link to the spec folder beside the repository leads nowhere.
/// </summary>
public partial class DocumentLinkTests
{
    private static IEnumerable<string> Documents() =>
        Directory.EnumerateFiles(RepoPaths.Root, "*.md", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !p.Contains($"{Path.DirectorySeparatorChar}.git{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(p => Path.GetRelativePath(RepoPaths.Root, p));

    [TestCaseSource(nameof(Documents))]
    public void Markdown_RelativeLinks_ResolveInsideTheRepository(string document)
    {
        var folder = Path.GetDirectoryName(Path.Combine(RepoPaths.Root, document))!;
        var broken = Link().Matches(File.ReadAllText(Path.Combine(RepoPaths.Root, document)))
            .Select(m => m.Groups[1].Value)
            .Where(target => !target.Contains("://", StringComparison.Ordinal) && !target.StartsWith('#') && !target.StartsWith("mailto:", StringComparison.Ordinal))
            .Select(target => (target, path: Path.GetFullPath(Path.Combine(folder, target.Split('#')[0]))))
            .Where(l => !l.path.StartsWith(RepoPaths.Root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !(File.Exists(l.path) || Directory.Exists(l.path)))
            .Select(l => l.target)
            .ToList();

        Assert.That(broken, Is.Empty, $"{document}: links that leave the repository or name nothing");
    }

    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex Link();
}
