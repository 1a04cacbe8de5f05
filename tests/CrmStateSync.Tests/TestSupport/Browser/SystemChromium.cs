using System.Diagnostics;

namespace CrmStateSync.Tests.TestSupport.Browser;

/// <summary>
/// Debian's <c>chromium</c> package, which the browser tests drive through Playwright (never a browser build of
/// Playwright's own). <see cref="EnsureInstalled"/> runs <c>scripts/install-chromium.sh</c> once per test run: it does
/// nothing when <see cref="ExecutablePath"/> exists, else installs the package with apt-get. When that fails the
/// caller fails with the script's own explanation — a browser test is never skipped.
/// </summary>
internal static class SystemChromium
{
    /// <summary>Where Debian installs the browser (CHROMIUM_PATH overrides it, for the script too).</summary>
    public static string ExecutablePath { get; } = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private static readonly Lazy<(bool Ok, string Log)> Installed = new(Install);

    /// <summary>Installs the browser if absent (once); fails the test with the script's output when it cannot.</summary>
    public static void EnsureInstalled()
    {
        var (ok, log) = Installed.Value;
        if (!ok)
        {
            Assert.Fail($"The browser tests need Chromium at {ExecutablePath}, and scripts/install-chromium.sh could not install it:\n{log}");
        }

        TestContext.Progress.WriteLine(log.Trim());
    }

    private static (bool Ok, string Log) Install()
    {
        var script = Path.Combine(RepoPaths.Root, "scripts", "install-chromium.sh");
        var start = new ProcessStartInfo("bash", [script]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment["CHROMIUM_PATH"] = ExecutablePath;
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start bash {script}");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        // The script's reasons (stderr) first, then the end of apt-get's output.
        var tail = string.Join('\n', stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(15));
        var log = $"{stderr.Result}(install-chromium.sh exited {process.ExitCode} after {watch.Elapsed.TotalSeconds:0} s)\n{tail}";
        return (process.ExitCode == 0 && File.Exists(ExecutablePath), log);
    }
}
