using CrmStateSync.Commands;
using CrmStateSync.Configuration;
using CrmStateSync.Output;
using CrmStateSync.Rules.Evaluation;
using CrmStateSync.Snapshots;
using CrmStateSync.Sync.Progress;
using CrmStateSync.Tests.TestSupport;

namespace CrmStateSync.Tests.Commands;

/// <summary>issue 13 "Progress": evaluate over a file reports accounts done and bytes of the file read of its size.</summary>
public class EvaluateRunProgressTests
{
    [Test(Description = "Progress: evaluate reports each account done with the bytes read of the file's size, between a start and a finish")]
    public void Evaluate_SampleFile_ReportsAccountsAndBytesOfTheFile()
    {
        var reports = new List<ProgressUpdate>();
        using var source = SnapshotFileReader.Open(RepoPaths.Snapshots, needAsOf: false);
        using var output = new StringWriter();
        var run = new EvaluateRun(new RulesEngine(RulesConfiguration.Load(null)), OutputSink.To(output), TextWriter.Null, "json", new Recorder(reports));

        var (evaluated, _) = run.Evaluate(source, () => new DateOnly(2026, 11, 23));

        var accounts = reports.Where(r => !r.IsBoundary).ToList();
        var size = new FileInfo(RepoPaths.Snapshots).Length;
        Assert.Multiple(() =>
        {
            Assert.That(reports[0], Is.EqualTo(ProgressUpdate.Started("evaluate")));
            Assert.That(reports[^1], Is.EqualTo(ProgressUpdate.Finished("evaluate")));
            Assert.That(accounts.Select(r => r.Done), Is.EqualTo(Enumerable.Range(1, evaluated).Select(i => (long)i)));
            Assert.That(accounts.Select(r => r.BytesTotal), Is.All.EqualTo(size));
            Assert.That(accounts.Select(r => r.BytesRead), Is.Ordered.And.All.InRange(1L, size));
        });
    }

    /// <summary>Keeps every update, synchronously (<see cref="Progress{T}"/> would post them to the thread pool).</summary>
    private sealed class Recorder(List<ProgressUpdate> reports) : IProgress<ProgressUpdate>
    {
        public void Report(ProgressUpdate value) => reports.Add(value);
    }
}
