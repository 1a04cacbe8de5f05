using CrmStateSync.Rules.Evaluation;

namespace CrmStateSync.Benchmarks;

/// <summary>Renders every reason of a result, as a writer of the reason fields would.</summary>
internal static class ReasonRendering
{
    /// <summary>Total characters of the six state reasons, the milestone reason and the stage reason.</summary>
    public static int RenderAll(EvaluationResult result)
    {
        var length = 0;
        foreach (var state in result.States)
        {
            length += state.Reason.ToString().Length;
        }

        length += result.Milestones.Reason.ToString().Length;
        length += result.Stage.Reason.Length;
        return length;
    }
}
