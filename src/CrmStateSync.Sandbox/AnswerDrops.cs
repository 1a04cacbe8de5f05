namespace CrmStateSync.Sandbox;

/// <summary>
/// An opt-in fault for tests: the next creates are processed — the records land — and then the connection is reset
/// instead of answering, so the client cannot know what became of its request (a lost answer).
/// </summary>
public sealed class AnswerDrops
{
    private int _remaining;
    private int _dropped;

    /// <summary>Answers dropped so far.</summary>
    public int Dropped => Volatile.Read(ref _dropped);

    /// <summary>Drops the answer of the next <paramref name="times"/> creates after they landed.</summary>
    public void DropNext(int times = 1) => Volatile.Write(ref _remaining, times);

    /// <summary>True when this request's answer is to be dropped (consumes one).</summary>
    internal bool Take()
    {
        if (Interlocked.Decrement(ref _remaining) < 0)
        {
            Interlocked.Increment(ref _remaining);
            return false;
        }

        Interlocked.Increment(ref _dropped);
        return true;
    }
}
