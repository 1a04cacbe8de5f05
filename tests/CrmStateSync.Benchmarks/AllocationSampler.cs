using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace CrmStateSync.Benchmarks;

/// <summary>
/// Bytes allocated per type, sampled in-process from the runtime's GC AllocationTick event (one event per ~100 KB,
/// naming the type whose allocation crossed the mark): over many evaluations the shares are proportional to bytes.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;

    private readonly ConcurrentDictionary<string, long> _bytes = new(StringComparer.Ordinal);
    private volatile bool _recording;

    public IReadOnlyDictionary<string, long> BytesByType => _bytes;

    public void Start() => _recording = true;

    /// <summary>Stops recording after the runtime's event thread caught up (events arrive a little late).</summary>
    public void Stop()
    {
        Thread.Sleep(TimeSpan.FromSeconds(2));
        _recording = false;
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (!_recording || eventData.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) != true
            || eventData.PayloadNames is not { } names || eventData.Payload is not { } payload)
        {
            return;
        }

        var type = payload[names.IndexOf("TypeName")] as string ?? "?";
        var amount = Convert.ToInt64(payload[names.IndexOf("AllocationAmount64")], System.Globalization.CultureInfo.InvariantCulture);
        _bytes.AddOrUpdate(type, amount, (_, sum) => sum + amount);
    }
}
