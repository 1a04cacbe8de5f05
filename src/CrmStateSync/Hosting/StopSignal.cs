using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;

namespace CrmStateSync.Hosting;

/// <summary>
/// A graceful stop for <c>run</c> and <c>sync --once</c> (sync.md "A graceful stop is graceful"): Ctrl+C, SIGTERM or
/// SIGQUIT asks the cycle in progress to stop at its next chunk boundary (<see cref="Stopping"/>); if it has not
/// finished within <see cref="WorkerOptions.ShutdownTimeout"/>, <see cref="Aborted"/> cancels the calls in flight too.
/// The signal itself is consumed, so the process ends when the work does, with the exit code the command chooses.
/// </summary>
internal sealed partial class StopSignal : IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationTokenSource _aborted = new();
    private readonly TimeSpan _timeout;
    private readonly ILogger _logger;
    private readonly List<PosixSignalRegistration> _registrations = [];
    private int _exitCodeIfAborted = ExitCodes.Unexpected;

    private StopSignal(TimeSpan timeout, ILogger logger) => (_timeout, _logger) = (timeout, logger);

    /// <summary>Asked to stop: look at it between chunks and between cycles.</summary>
    public CancellationToken Stopping => _stopping.Token;

    /// <summary>The shutdown timeout has passed since the stop was asked: cancel everything.</summary>
    public CancellationToken Aborted => _aborted.Token;

    /// <summary>Why the stop was asked (for example <c>SIGTERM</c>); null while nobody asked.</summary>
    public string? Reason { get; private set; }

    /// <summary>The exit code of a stop that did not finish in time: 128 + the signal's number, as if it had killed the process.</summary>
    public int ExitCodeIfAborted => _exitCodeIfAborted;

    /// <summary>Listens for Ctrl+C (SIGINT), SIGTERM and SIGQUIT until disposed.</summary>
    public static StopSignal Listen(TimeSpan timeout, ILogger logger)
    {
        var signal = new StopSignal(timeout, logger);
        foreach (var (posix, name, number) in new[] { (PosixSignal.SIGINT, "Ctrl+C (SIGINT)", 2), (PosixSignal.SIGTERM, "SIGTERM", 15), (PosixSignal.SIGQUIT, "SIGQUIT", 3) })
        {
            signal._registrations.Add(PosixSignalRegistration.Create(posix, context =>
            {
                context.Cancel = true;
                signal.Request(name, 128 + number);
            }));
        }

        return signal;
    }

    /// <summary>A stop that listens to nothing; <see cref="Request"/> asks it (tests, and hosts stopped from code).</summary>
    public static StopSignal Manual(TimeSpan timeout, ILogger logger) => new(timeout, logger);

    /// <summary>Asks the stop (the first call counts; later ones are ignored).</summary>
    public void Request(string reason, int exitCodeIfAborted = ExitCodes.Unexpected)
    {
        lock (_registrations)
        {
            if (Reason is not null)
            {
                return;
            }

            (Reason, _exitCodeIfAborted) = (reason, exitCodeIfAborted);
        }

        LogStopping(_logger, reason, _timeout);
        _stopping.Cancel();
        _aborted.CancelAfter(_timeout);
    }

    /// <summary>The work ended: no abort after this. True when it ended in time (or no stop was asked).</summary>
    public bool Finish()
    {
        _aborted.CancelAfter(Timeout.InfiniteTimeSpan);
        return !_aborted.IsCancellationRequested;
    }

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _stopping.Dispose();
        _aborted.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping: {Reason} received; the cycle in progress finishes its current chunk's writes and journal, then stops (at most {Timeout}, Worker:ShutdownTimeout)")]
    private static partial void LogStopping(ILogger logger, string reason, TimeSpan timeout);
}
