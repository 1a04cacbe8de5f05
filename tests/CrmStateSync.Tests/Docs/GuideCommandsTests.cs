using System.Text.RegularExpressions;
using CrmStateSync.Tests.TestSupport;

namespace CrmStateSync.Tests.Docs;

/// <summary>
/// The guides a newcomer follows alone name only commands and options that exist: every <c>crmstatesync …</c> line of
/// their <c>sh</c> blocks is checked against the command's own <c>--help</c>.
/// </summary>
public partial class GuideCommandsTests
{
    public static IEnumerable<TestCaseData> Commands() =>
        from guide in new[] { "docs/go-live.md", "docs/maintenance.md" }
        from line in ShellLines(File.ReadAllText(Path.Combine(RepoPaths.Root, guide)))
        let match = Invocation().Match(line)
        where match.Success
        select new TestCaseData(match.Groups["args"].Value.Trim()).SetName($"{guide}: crmstatesync {match.Groups["args"].Value.Trim()}");

    [TestCaseSource(nameof(Commands))]
    public void GuideCommand_SubcommandAndOptions_Exist(string arguments)
    {
        var tokens = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        string[] path = [.. tokens.TakeWhile(t => Word().IsMatch(t))];

        var help = CommandRun.Of([.. path, "--help"]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(help.ExitCode, Is.Zero, $"crmstatesync {string.Join(' ', path)} --help: {help.Error}");
            // In process the root command is named after the host ("testhost"): the usage line ends with the path.
            Assert.That(help.Output, Does.Contain(string.Join(' ', ["", .. path, "["])), "the help is the subcommand's own");
            foreach (var option in tokens.Where(t => t.StartsWith("--", StringComparison.Ordinal)))
            {
                Assert.That(help.Output, Does.Contain(option + " "), $"{option} is an option of crmstatesync {string.Join(' ', path)}");
            }
        }
    }

    [Test]
    public void Guides_NameCommands_AtAll() => Assert.That(Commands().Count(), Is.GreaterThan(20));

    private static IEnumerable<string> ShellLines(string markdown) =>
        ShellBlock().Matches(markdown).SelectMany(m => m.Groups["body"].Value.Split('\n'));

    [GeneratedRegex(@"^```sh\n(?<body>.*?)^```", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex ShellBlock();

    [GeneratedRegex(@"(^|\s)crmstatesync\s+(?<args>[^|;>]*)")]
    private static partial Regex Invocation();

    [GeneratedRegex("^[a-z]+$")]
    private static partial Regex Word();
}
