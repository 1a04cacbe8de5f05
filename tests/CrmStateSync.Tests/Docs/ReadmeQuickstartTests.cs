using CrmStateSync.Tests.TestSupport;

namespace CrmStateSync.Tests.Docs;

/// <summary>README.md's quickstart: the embedded default prints what the README says it prints (issue 13: docs cannot drift).</summary>
public class ReadmeQuickstartTests
{
    [Test]
    public void Demo_FirstCommandOfTheQuickstart_PrintsTheLinesTheReadmeShows()
    {
        var readme = GuideBlocks.Read(Path.Combine(RepoPaths.Root, "README.md"));
        var (_, outputs) = readme.Step("dotnet run --project src/CrmStateSync -- demo\ndotnet test CrmStateSync.sln");

        var demo = CommandRun.Of("demo");

        Assert.Multiple(() =>
        {
            Assert.That(outputs, Has.Count.EqualTo(1), "one sample output after the quickstart's commands");
            Assert.That(demo.ExitCode, Is.EqualTo(ExitCodes.Success), demo.Error);
            Assert.That(GuideBlocks.Missing(outputs[0], demo.Output), Is.Empty, "lines the README shows that demo does not print:\n" + demo.Output);
        });
    }
}
