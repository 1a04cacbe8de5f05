namespace CrmStateSync.Tests.TestSupport;

/// <summary>Files of the repository, found by walking up from the test binaries to the folder holding CrmStateSync.sln.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> RootFolder = new(FindRoot);

    public static string Root => RootFolder.Value;

    /// <summary>samples/snapshots.json: the sample accounts of samples/README.md.</summary>
    public static string Snapshots => Path.Combine(Root, "samples", "snapshots.json");

    /// <summary>samples/rules/: the stage-model presets.</summary>
    public static string Presets => Path.Combine(Root, "samples", "rules");

    public static string Preset(string name) => Path.Combine(Presets, name + ".json");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CrmStateSync.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"CrmStateSync.sln not found above {TestContext.CurrentContext.TestDirectory}");
    }
}
