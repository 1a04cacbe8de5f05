using System.Globalization;
using System.Text.RegularExpressions;

namespace CrmStateSync.Configuration;

/// <summary>
/// The durations an operator writes — <c>30s</c>, <c>15m</c>, <c>1h</c>, <c>2d</c>, <c>1h30m</c>, <c>500ms</c> — and
/// .NET's own <c>hh:mm:ss</c> / <c>d.hh:mm:ss</c>, for <c>--max-age</c> and every <c>TimeSpan</c> configuration key.
/// </summary>
internal static partial class Durations
{
    /// <summary>The accepted forms, for a message that refuses a value.</summary>
    public const string Forms = "a duration such as 30s, 15m, 1h, 2d, 1h30m or hh:mm:ss";

    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim();
        if (Units().Match(trimmed) is { Success: true } match)
        {
            try
            {
                foreach (Capture part in match.Groups["part"].Captures)
                {
                    value += UnitOf(part.Value);
                }

                return true;
            }
            catch (OverflowException)
            {
                return false;
            }
        }

        return TimeSpan.TryParse(trimmed, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>One <c>&lt;number&gt;&lt;unit&gt;</c> part.</summary>
    private static TimeSpan UnitOf(string part)
    {
        var digits = part.TakeWhile(c => char.IsAsciiDigit(c) || c == '.').Count();
        var number = double.Parse(part[..digits], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        return part[digits..].ToLowerInvariant() switch
        {
            "ms" => TimeSpan.FromMilliseconds(number),
            "s" => TimeSpan.FromSeconds(number),
            "m" => TimeSpan.FromMinutes(number),
            "h" => TimeSpan.FromHours(number),
            _ => TimeSpan.FromDays(number),
        };
    }

    [GeneratedRegex(@"^(?<part>\d+(\.\d+)?(ms|s|m|h|d))+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Units();
}
