using System.Text.Json;
using System.Text.RegularExpressions;

namespace CrmStateSync.Configuration;

/// <summary>
/// What a JSON configuration file's syntax error says to an admin: the file and the line and position (1-based), not
/// the configuration library's "Could not parse the JSON file."
/// </summary>
internal static partial class JsonFileErrors
{
    /// <summary>
    /// <c>the configuration file /etc/app.json is not valid JSON: line 3, position 5: 'x' is an invalid start of a value.</c>
    /// </summary>
    /// <param name="failure">What <c>ConfigurationBuilder.Build</c> threw for a file it could not load.</param>
    public static string Describe(InvalidDataException failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var file = QuotedPath().Match(failure.Message) is { Success: true } m ? m.Groups[1].Value : "(unknown)";
        var json = Causes(failure).OfType<JsonException>().FirstOrDefault();
        if (json is null)
        {
            return $"the configuration file {file} could not be read: {Causes(failure).Last().Message}";
        }

        var where = json.LineNumber is { } line ? $"line {line + 1}, position {json.BytePositionInLine + 1}: " : "";
        return $"the configuration file {file} is not valid JSON: {where}{PositionSuffix().Replace(json.Message, "")}";
    }

    private static IEnumerable<Exception> Causes(Exception ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }

    [GeneratedRegex("'([^']+)'")]
    private static partial Regex QuotedPath();

    [GeneratedRegex(@"\s*(Path: \S* \| )?LineNumber: \d+ \| BytePositionInLine: \d+\.?\s*$")]
    private static partial Regex PositionSuffix();
}
