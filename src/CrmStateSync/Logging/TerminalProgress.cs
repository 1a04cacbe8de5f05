using System.Globalization;
using CrmStateSync.Sync.Progress;
using Serilog.Core;
using Serilog.Events;
using Spectre.Console;

namespace CrmStateSync.Logging;

/// <summary>
/// The live progress line on standard error when it is a terminal (never when redirected: a pipe, a file, a container
/// log gets the structured events of <see cref="ProgressLog"/> only). Spectre.Console detects what the terminal can do
/// (ANSI, colours, width, <c>NO_COLOR</c>) and renders the markup; the line is redrawn in place at most
/// <see cref="RedrawEvery"/>, cut to the terminal's width so it never wraps, and taken down when the operation ends. Log
/// lines written to the same terminal go through <see cref="Sink"/>, which takes the line down, writes the event and
/// draws it again, so the two never garble each other.
/// </summary>
internal sealed class TerminalProgress
{
    /// <summary>The fastest the line is redrawn.</summary>
    public static readonly TimeSpan RedrawEvery = TimeSpan.FromMilliseconds(100);

    private const string EraseLine = "\r\u001b[2K";
    private static readonly Lazy<TerminalProgress?> OnStandardError = new(Create);
    private readonly IAnsiConsole _console;
    private string _markup = "";
    private long _drawnAt;

    private TerminalProgress(IAnsiConsole console) => _console = console;

    /// <summary>The line on this process's standard error; null when it is redirected or cannot move the cursor.</summary>
    public static TerminalProgress? StandardError => OnStandardError.Value;

    /// <summary>Held while the line or a log event is written (the console sink of <see cref="WorkerLogging"/> shares it).</summary>
    public object SyncRoot { get; } = new();

    /// <summary>Shows <paramref name="update"/> (at most every <see cref="RedrawEvery"/>, except a phase's start).</summary>
    public void Show(ProgressUpdate update, double rate)
    {
        var now = TimeProvider.System.GetTimestamp();
        if (update.Done != 0 && TimeProvider.System.GetElapsedTime(_drawnAt, now) < RedrawEvery)
        {
            return;
        }

        _drawnAt = now;
        lock (SyncRoot)
        {
            _markup = Format(update, rate, _console.Profile.Width);
            Draw();
        }
    }

    /// <summary>Takes the line down (the operation ended).</summary>
    public void Clear()
    {
        lock (SyncRoot)
        {
            Erase();
            _markup = "";
        }
    }

    /// <summary>Wraps a console sink so its events and the line take turns on the terminal.</summary>
    public ILogEventSink Sink(ILogEventSink inner) => new LineAwareSink(this, inner);

    /// <summary>One line: operation and phase, a bar and a percentage when the total is known, counts and rate.</summary>
    internal static string Format(ProgressUpdate update, double rate, int width)
    {
        var counts = update.Total is { } total
            ? string.Create(CultureInfo.InvariantCulture, $"{update.Done:N0}/{total:N0}")
            : string.Create(CultureInfo.InvariantCulture, $"{update.Done:N0}");
        var text = string.Create(CultureInfo.InvariantCulture, $"{update.Operation} {update.Phase} {counts} ({rate:N1}/s)");
        var bar = update is { BytesRead: { } read, BytesTotal: > 0 and var size } ? Bar(read, size)
            : update.Total is { } all && all > 0 ? Bar(update.Done, all) : "";
        var room = Math.Max(0, width - 1);
        var plain = bar.Length > 0 && bar.Length + text.Length + 1 <= room ? bar + " " + text : text.Length <= room ? text : text[..room];
        var barPart = plain.StartsWith(bar, StringComparison.Ordinal) && bar.Length > 0 ? bar : "";
        return barPart.Length > 0
            ? $"[green]{Markup.Escape(barPart)}[/] {Markup.Escape(plain[(barPart.Length + 1)..])}"
            : Markup.Escape(plain);
    }

    private static string Bar(long done, long total)
    {
        const int Cells = 20;
        var share = Math.Clamp((double)done / total, 0, 1);
        var filled = (int)Math.Round(share * Cells);
        return string.Create(CultureInfo.InvariantCulture, $"[{new string('#', filled)}{new string('-', Cells - filled)}] {share * 100,3:F0}%");
    }

    private void Draw()
    {
        Erase();
        if (_markup.Length > 0)
        {
            _console.Markup(_markup);
        }
    }

    private void Erase() => _console.Write(new ControlCode(EraseLine));

    private static TerminalProgress? Create()
    {
        if (Console.IsErrorRedirected)
        {
            return null;
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Console.Error),
            Ansi = AnsiSupport.Detect,
            ColorSystem = ColorSystemSupport.Detect,
        });
        return console.Profile.Capabilities.Ansi ? new TerminalProgress(console) : null;
    }

    private sealed class LineAwareSink(TerminalProgress line, ILogEventSink inner) : ILogEventSink, IDisposable
    {
        public void Emit(LogEvent logEvent)
        {
            lock (line.SyncRoot)
            {
                if (line._markup.Length == 0)
                {
                    inner.Emit(logEvent);
                    return;
                }

                line.Erase();
                inner.Emit(logEvent);
                line.Draw();
            }
        }

        public void Dispose() => (inner as IDisposable)?.Dispose();
    }
}
