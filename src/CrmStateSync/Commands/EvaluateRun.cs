using CrmStateSync.Output;
using CrmStateSync.Rules.Evaluation;
using CrmStateSync.Snapshots;
using CrmStateSync.Sync.Progress;

namespace CrmStateSync.Commands;

/// <summary>
/// The streaming loop of <c>evaluate</c>: each account is evaluated and written as it is read, each problem reported
/// on stderr as it is met. Nothing is written until the first account or problem, so an input without accounts
/// leaves the output empty. Progress (accounts evaluated, bytes of the file read of its size) goes to <c>progress</c>.
/// </summary>
internal sealed class EvaluateRun(RulesEngine engine, OutputSink output, TextWriter error, string format, IProgress<ProgressUpdate>? progress = null)
{
    private readonly IProgress<ProgressUpdate> _progress = progress ?? NoProgress.Instance;

    /// <summary>Evaluates every account of <paramref name="source"/>; the counts of accounts evaluated and problems met.</summary>
    /// <param name="source">The open input.</param>
    /// <param name="asOf">The evaluation date, asked once the first account or problem has been read.</param>
    public (int Evaluated, int Problems) Evaluate(SnapshotSource source, Func<DateOnly> asOf)
    {
        EvaluateOutput? writer = null;
        var problems = new List<InputProblem>();
        var evaluated = 0;
        DateOnly date = default;
        _progress.Report(ProgressUpdate.Started("evaluate"));
        try
        {
            foreach (var item in source.Read())
            {
                if (writer is null)
                {
                    date = asOf();
                    writer = new EvaluateOutput(output, format, date);
                }

                if (item.Account is { } account)
                {
                    writer.Result(account, engine.Evaluate(account, date));
                    evaluated++;
                    _progress.Report(new ProgressUpdate("evaluate", "evaluate", evaluated, null) { BytesRead = source.BytesRead, BytesTotal = source.Length });
                }
                else if (item.Problem is { } problem)
                {
                    problems.Add(problem);
                    error.WriteLine(problem.ToString());
                }
            }

            writer?.Finish(problems);
        }
        finally
        {
            writer?.Dispose();
            _progress.Report(ProgressUpdate.Finished("evaluate"));
        }

        return (evaluated, problems.Count);
    }
}
