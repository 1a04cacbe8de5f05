using System.Globalization;
using System.Text.RegularExpressions;

namespace CrmStateSync.Crm.Salesforce.Api;

/// <summary>The org's daily API usage as the last response reported it (<c>api-usage=USED/MAX</c>).</summary>
internal sealed partial class SalesforceUsage
{
    private readonly Lock _lock = new();
    private (long Used, long Max)? _last;

    public long? Used => Snapshot()?.Used;

    public long? Max => Snapshot()?.Max;

    /// <summary>Used / Max, or null before any response reported it.</summary>
    public double? Share => Snapshot() is { Max: > 0 } s ? (double)s.Used / s.Max : null;

    /// <summary>Parses e.g. <c>api-usage=18/15000; per-app-api-usage=17/5000(appName=sample)</c>; other text is ignored.</summary>
    public void Record(string header)
    {
        var match = ApiUsagePattern().Match(header);
        if (match.Success
            && long.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var used)
            && long.TryParse(match.Groups[2].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var max))
        {
            lock (_lock)
            {
                _last = (used, max);
            }
        }
    }

    private (long Used, long Max)? Snapshot()
    {
        lock (_lock)
        {
            return _last;
        }
    }

    [GeneratedRegex(@"(?<![-\w])api-usage=(\d+)/(\d+)")]
    private static partial Regex ApiUsagePattern();
}
