namespace CrmStateSync.Sandbox.Tests.TestSupport;

/// <summary>Files of the repository, found from the test's output folder upwards.</summary>
internal static class Repository
{
    public static string File(params string[] parts)
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine([dir.FullName, .. parts]);
            if (System.IO.File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("not found above the test folder: " + Path.Combine(parts));
    }
}
