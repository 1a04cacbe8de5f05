using CrmStateSync.Sync.Progress;
using Microsoft.Extensions.Logging;

namespace CrmStateSync.Logging;

/// <summary>
/// Where the sync layer's progress goes: a structured log event (operation, phase, done, total, rate) at most once per
/// <c>interval</c> while an operation runs — the first one interval after it started, so a quick cycle of <c>run</c> adds
/// no line — and, on a terminal, every update to its live line (<see cref="TerminalProgress"/>, which keeps its own
/// pace). A phase that starts (done 0) is logged at Debug. Nothing here writes to standard output.
/// </summary>
internal sealed partial class ProgressLog(ILogger logger, TimeProvider clock, TimeSpan interval, TerminalProgress? terminal) : IProgress<ProgressUpdate>
{
    private readonly Lock _gate = new();
    private long _lastLogged = clock.GetTimestamp();
    private (string Operation, string Phase) _phase = ("", "");
    private long _phaseStarted, _phaseDoneAtStart;

    public void Report(ProgressUpdate value)
    {
        var now = clock.GetTimestamp();
        lock (_gate)
        {
            if (value.IsBoundary)
            {
                Boundary(value, now);
                return;
            }

            if ((value.Operation, value.Phase) != _phase)
            {
                (_phase, _phaseStarted, _phaseDoneAtStart) = ((value.Operation, value.Phase), now, value.Done);
            }

            var rate = Rate(value.Done, now);
            terminal?.Show(value, rate);
            if (value.Done == 0)
            {
                LogPhaseStarted(logger, value.Operation, value.Phase, value.Total);
            }

            if (interval > TimeSpan.Zero && clock.GetElapsedTime(_lastLogged, now) >= interval)
            {
                _lastLogged = now;
                Log(value, rate);
            }
        }
    }

    private void Boundary(ProgressUpdate value, long now)
    {
        // A new run of an operation starts its own interval (a long-running worker's quiet cycles log no progress).
        _lastLogged = now;
        _phase = ("", "");
        if (value.Phase == ProgressUpdate.FinishedPhase)
        {
            terminal?.Clear();
        }
    }

    /// <summary>Units per second over the current stretch of the phase (a phase may resume after another, e.g. evaluate after a write).</summary>
    private double Rate(long done, long now)
    {
        var seconds = clock.GetElapsedTime(_phaseStarted, now).TotalSeconds;
        return seconds <= 0 ? 0 : Math.Round((done - _phaseDoneAtStart) / seconds, 1);
    }

    private void Log(ProgressUpdate value, double rate)
    {
        if (value is { BytesRead: { } read, BytesTotal: { } size })
        {
            LogFileProgress(logger, value.Operation, value.Phase, value.Done, read, size, rate);
        }
        else if (value.Total is { } total)
        {
            LogProgressOf(logger, value.Operation, value.Phase, value.Done, total, rate);
        }
        else
        {
            LogProgress(logger, value.Operation, value.Phase, value.Done, rate);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Progress {Operation} {Phase}: {Done} of {Total}, {Rate} per second")]
    private static partial void LogProgressOf(ILogger logger, string operation, string phase, long done, long total, double rate);

    [LoggerMessage(Level = LogLevel.Information, Message = "Progress {Operation} {Phase}: {Done} so far, {Rate} per second")]
    private static partial void LogProgress(ILogger logger, string operation, string phase, long done, double rate);

    [LoggerMessage(Level = LogLevel.Information, Message = "Progress {Operation} {Phase}: {Done} so far, {BytesRead} of {BytesTotal} bytes read, {Rate} per second")]
    private static partial void LogFileProgress(ILogger logger, string operation, string phase, long done, long bytesRead, long bytesTotal, double rate);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Progress {Operation} {Phase}: started (total {Total})")]
    private static partial void LogPhaseStarted(ILogger logger, string operation, string phase, long? total);
}
