namespace CrmStateSync.Sandbox.Salesforce;

/// <summary>Where a held composite update waits.</summary>
public enum HoldPoint
{
    /// <summary>After the request is read and checked, before any record is applied.</summary>
    BeforeApply,

    /// <summary>After the records are applied, before the answer is sent.</summary>
    AfterApply,
}

/// <summary>
/// An opt-in pause of one composite update (crash tests): the request waits at <see cref="Point"/> until
/// <see cref="Release"/> is called or its client goes away. A request whose client went away while held before applying
/// applies nothing.
/// </summary>
public sealed class WriteHold(HoldPoint point)
{
    private readonly TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Where the request waits.</summary>
    public HoldPoint Point { get; } = point;

    /// <summary>Completes when the held request has reached <see cref="Point"/>.</summary>
    public Task Arrived => _arrived.Task;

    /// <summary>Lets the held request go on.</summary>
    public void Release() => _released.TrySetResult();

    /// <summary>Signals arrival and waits for release; throws when the client aborts the request first.</summary>
    internal async Task WaitAsync(CancellationToken requestAborted)
    {
        _arrived.TrySetResult();
        await _released.Task.WaitAsync(requestAborted).ConfigureAwait(false);
    }
}
