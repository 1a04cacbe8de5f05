using System.Diagnostics;
using System.Text;

namespace CrmStateSync.Tests.Crash;

/// <summary>
/// The built executable (<c>crmstatesync.dll</c>, copied next to the test assembly) run as a child process with the
/// same <c>dotnet</c> host, so it can be killed outright (SIGKILL on Linux). Disposing kills it if it still runs.
/// </summary>
internal sealed class WorkerProcess : IDisposable
{
    /// <summary>The bound of every wait on a child.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();

    private WorkerProcess(params string[] args)
        : this(new Dictionary<string, string>(), args)
    {
    }

    private WorkerProcess(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo(DotnetHost()) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "crmstatesync.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Append(_output, e.Data);
        _process.ErrorDataReceived += (_, e) => Append(_error, e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>What the child printed so far (standard output, then standard error).</summary>
    public string Printed
    {
        get
        {
            lock (_output)
            {
                return _output + Environment.NewLine + _error;
            }
        }
    }

    /// <summary>What the child printed on standard output so far.</summary>
    public string StandardOutput
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>What the child printed on standard error so far (its logs).</summary>
    public string StandardError
    {
        get
        {
            lock (_output)
            {
                return _error.ToString();
            }
        }
    }

    /// <summary>Starts <c>sync --once --config <paramref name="config"/></c>.</summary>
    public static WorkerProcess SyncOnce(string config) => new("sync", "--once", "--config", config);

    /// <summary>Starts <c>run --config <paramref name="config"/></c> (the long-running worker).</summary>
    public static WorkerProcess Run(string config) => new("run", "--config", config);

    /// <summary>Starts the executable with <paramref name="args"/> and extra environment variables.</summary>
    public static WorkerProcess Start(IReadOnlyDictionary<string, string> environment, params string[] args) => new(environment, args);

    /// <summary>Runs <c>sync --once</c> to its end (bounded by <see cref="Timeout"/>); returns the exit code and what it printed.</summary>
    public static async Task<(int ExitCode, string Printed)> RunSyncOnceAsync(string config)
    {
        using var worker = SyncOnce(config);
        var exitCode = await worker.WaitAsync().ConfigureAwait(false);
        return (exitCode, worker.Printed);
    }

    /// <summary>Waits for the child to exit, at most <see cref="Timeout"/>; returns its exit code.</summary>
    public async Task<int> WaitAsync()
    {
        await _process.WaitForExitAsync().WaitAsync(Timeout).ConfigureAwait(false);
        return _process.ExitCode;
    }

    /// <summary>Sends the child a signal by name (<c>TERM</c>, <c>INT</c>) through <c>kill</c>, as an orchestrator or a terminal does.</summary>
    public async Task SignalAsync(string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-s", signal, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, UseShellExecute = false })!;
        await kill.WaitForExitAsync().WaitAsync(Timeout).ConfigureAwait(false);
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -s {signal} {_process.Id} exited {kill.ExitCode}");
        }
    }

    /// <summary>Waits (bounded) until the child has printed <paramref name="text"/>; false when it exited or the time ran out first.</summary>
    public async Task<bool> PrintedAsync(string text)
    {
        var until = DateTime.UtcNow + Timeout;
        while (!Printed.Contains(text, StringComparison.Ordinal))
        {
            if (_process.HasExited || DateTime.UtcNow > until)
            {
                return Printed.Contains(text, StringComparison.Ordinal);
            }

            await Task.Delay(50).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>Kills the child and its children at once (SIGKILL), then waits for it to be gone.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync().WaitAsync(Timeout).ConfigureAwait(false);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(Timeout);
        }

        _process.Dispose();
    }

    private void Append(StringBuilder to, string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                to.AppendLine(line);
            }
        }
    }

    /// <summary>The <c>dotnet</c> host running the tests (the same runtime), else <c>dotnet</c> on the PATH.</summary>
    internal static string DotnetHost()
    {
        var current = Environment.ProcessPath;
        return current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current
            : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host
            : "dotnet";
    }
}
