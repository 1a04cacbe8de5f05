using System.Reflection;
using CrmStateSync.Crm.Contract;
using CrmStateSync.Store;
using CrmStateSync.Sync.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace CrmStateSync.Tests.EndToEnd;

/// <summary>sync.md "No record stops a cycle": an unexpected exception while evaluating one account is that account's problem.</summary>
public class EvaluationFailureTests
{
    [Test(Description = "No record stops a cycle: an exception evaluating one account is its problem; the others are written, and it is retried and closed next cycle")]
    public async Task RunCycle_OneAccountThrows_OthersWrittenThenItIsRetried()
    {
        await using var s = await SyncScenario.StartAsync([E2e.Healthy(), E2e.NewCustomer()]);
        var poisoned = s.IdOf("Fresh Co");
        // The worker as composed for `run`, with its store port replaced by one that fails for that account.
        s.Configure = services => services.AddSingleton(sp => FailingStore.Wrap(sp.GetRequiredService<SyncStorePort>(), poisoned));
        await s.RestartAsync();

        var first = await s.CycleAsync();
        var failed = await s.Store.ListProblemsAsync(new ProblemFilter(OpenOnly: true), CancellationToken.None);
        s.Configure = null;
        await s.RestartAsync();
        var second = await s.CycleAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That((first.Summary.Outcome, first.Summary.Problems), Is.EqualTo(("partial", 1)), first.Summary.ToString());
            Assert.That(failed.Select(p => (p.RecordId, p.Field, p.Kind)), Is.EqualTo(new[] { (poisoned, RecordProblem.Evaluation, ProblemKind.Failed) }));
            Assert.That(failed.Single().Message, Does.Contain("simulated failure"));
            Assert.That(s.Text("Steady Inc", ManagedField.Stage), Is.EqualTo("Healthy"), "the other account is written");
            Assert.That(second.Accounts.Select(a => a.AccountId), Does.Contain(poisoned), "its changed mark stayed: tried again");
            Assert.That(s.Text("Fresh Co", ManagedField.Stage), Is.EqualTo("New Customer"));
            Assert.That(await s.Store.ListProblemsAsync(new ProblemFilter(OpenOnly: true), CancellationToken.None), Is.Empty, "closed once evaluated");
        }
    }

    /// <summary>The real store, except that loading one account throws (as a bug about one record would).</summary>
    public class FailingStore : DispatchProxy
    {
        private ISyncStore _inner = null!;
        private string _poisoned = "";

        public static ISyncStore Wrap(ISyncStore inner, string poisoned)
        {
            var proxy = Create<ISyncStore, FailingStore>();
            var failing = (FailingStore)(object)proxy;
            (failing._inner, failing._poisoned) = (inner, poisoned);
            return proxy;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            ArgumentNullException.ThrowIfNull(targetMethod);
            return targetMethod.Name == nameof(ISyncStore.LoadAsync) && Equals(args?[0], _poisoned)
                ? throw new InvalidOperationException("simulated failure about one account")
                : targetMethod.Invoke(_inner, args);
        }
    }
}
