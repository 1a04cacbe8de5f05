using System.Runtime.CompilerServices;
using CrmStateSync.Crm.Contract;
using CrmStateSync.Hosting;
using CrmStateSync.Store;

namespace CrmStateSync.Tests.Hosting;

/// <summary>
/// Issue 14: one map from a failure to its exit code and message; an exception that is not a known failure is never
/// caught and rethrown with <c>throw ex</c> (which cut its stack to the rethrow), it keeps the stack it was thrown with.
/// </summary>
public class FailuresTests
{
    [Test]
    public void Report_AnUnknownException_RethrowsTheSameExceptionWithItsOwnStack()
    {
        var bug = Caught(ThrowsABug);
        using var error = new StringWriter();

        var rethrown = Assert.Throws<InvalidOperationException>(() => Failures.Report(bug, error));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(rethrown, Is.SameAs(bug));
            Assert.That(rethrown!.StackTrace, Does.Contain(nameof(ThrowsABug)));
            Assert.That(error.ToString(), Is.Empty);
        }
    }

    [Test]
    public void IsKnown_TheFailuresWithAnExitCode_TrueAndABugFalse()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Failures.IsKnown(new CrmUnavailableException("down")), Is.True);
            Assert.That(Failures.IsKnown(new StoreUnusableException("damaged")), Is.True);
            Assert.That(Failures.IsKnown(new CrmException("refused", "BAD", 400)), Is.True);
            Assert.That(Failures.IsKnown(new InvalidOperationException("a bug")), Is.False);
            Assert.That(Failures.IsKnown(new OperationCanceledException()), Is.False);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowsABug() => throw new InvalidOperationException("a bug");

    private static Exception Caught(Action action)
    {
        try
        {
            action();
        }
        catch (Exception ex)
        {
            return ex;
        }

        throw new AssertionException("expected an exception");
    }
}
