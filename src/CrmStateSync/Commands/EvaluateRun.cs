using CrmStateSync.Output;
using CrmStateSync.Rules.Evaluation;
using CrmStateSync.Snapshots;

namespace CrmStateSync.Commands;

/// <summary>
/// The streaming loop of <c>evaluate</c>: each account is evaluated and written as it is read, each problem reported
/// on stderr as it is met. Nothing is written until the first account or problem, so an input without accounts
/// leaves the output empty.
/// </summary>
internal sealed class EvaluateRun(RulesEngine engine, OutputSink output, TextWriter error, string format)
{
    /// <summary>Evaluates every account of <paramref name="source"/>; the counts of accounts evaluated and problems met.</summary>
    /// <param name="source">The open input.</param>
    /// <param name="asOf">The evaluation date, asked once the first account or problem has been read.</param>
    public (int Evaluated, int Problems) Evaluate(SnapshotSource source, Func<DateOnly> asOf)
    {
        EvaluateOutput? writer = null;
        var problems = new List<InputProblem>();
        var evaluated = 0;
        DateOnly date = default;
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
        }

        return (evaluated, problems.Count);
    }
}
