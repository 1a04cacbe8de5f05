using Microsoft.Extensions.Logging;

namespace CrmStateSync.AdminConsole.Hosting;

/// <summary>
/// What the console serves and for whom: the store file (its org and provider, as the worker opened it), the options, the
/// clock that dates a resolution, the logging of the worker, and — in <c>run</c> — the live worker's status.
/// </summary>
public sealed record ConsoleSite(
    ConsoleOptions Options,
    string StorePath,
    string OrgId,
    string Provider,
    TimeProvider Clock,
    ILoggerFactory Logging,
    IWorkerStatus? Worker = null)
{
    /// <summary>The stage model the reports page reads the history with (<c>Rules:StageModel</c>; rules.md's by default).</summary>
    public CrmStateSync.Reports.ReportStageModel StageModel { get; init; } = CrmStateSync.Reports.ReportStageModel.Default;

    /// <summary>
    /// The worker's rules, with which an account's page says why each state has its value (the CRM holds the values and
    /// verified-on dates, not the reasons). rules.md's defaults unless the worker's are given.
    /// </summary>
    public CrmStateSync.Rules.Evaluation.RulesEngine Rules { get; init; } = CrmStateSync.Rules.Evaluation.RulesEngine.Default;

    /// <summary>The address the console listens on.</summary>
    public string Url => Options.Url is { Length: > 0 } url ? url : ConsoleOptions.DefaultUrl;

    /// <summary>The CRM address of an account, or null when none is known for this provider.</summary>
    public string? RecordUrl(string accountId)
    {
        var template = Options.RecordUrl is { Length: > 0 } configured
            ? configured
            : Provider == "hubspot" ? $"https://app.hubspot.com/contacts/{Uri.EscapeDataString(OrgId)}/company/{{id}}" : null;
        return template?.Replace("{id}", Uri.EscapeDataString(accountId), StringComparison.Ordinal);
    }
}

/// <summary>What <c>run</c> knows about its worker that the store does not: the next cycle and the health answers.</summary>
public interface IWorkerStatus
{
    /// <summary>When the next cycle is due; null while one runs or when not known.</summary>
    DateTimeOffset? NextCycle { get; }

    /// <summary>The readiness answer of <c>/health/ready</c>, in words.</summary>
    string Readiness { get; }
}
