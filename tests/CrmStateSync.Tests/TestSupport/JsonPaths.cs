using System.Text.Json;

namespace CrmStateSync.Tests.TestSupport;

/// <summary>Short reads of result JSON: <c>result.Text("stage", "value")</c>.</summary>
internal static class JsonPaths
{
    public static JsonElement At(this JsonElement element, params string[] path)
    {
        foreach (var name in path)
        {
            element = element.GetProperty(name);
        }

        return element;
    }

    /// <summary>The string at the path, null for JSON null.</summary>
    public static string? Text(this JsonElement element, params string[] path)
    {
        var value = element.At(path);
        return value.ValueKind == JsonValueKind.Null ? null : value.ToString();
    }

    /// <summary>An object of strings as a dictionary (entry dates, milestone dates).</summary>
    public static Dictionary<string, string?> Map(this JsonElement element, params string[] path) =>
        element.At(path).EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString());

    /// <summary>The six state values in table order as letters: "H H H R S H".</summary>
    public static string StateLetters(this JsonElement result) =>
        string.Join(" ", result.GetProperty("states").EnumerateObject().Select(s => s.Value.GetProperty("value").GetString()![..1]));

    /// <summary>Interventions as "Kind due" joined by "; ".</summary>
    public static string Interventions(this JsonElement result) =>
        string.Join("; ", result.GetProperty("interventions").EnumerateArray().Select(i => $"{i.GetProperty("kind").GetString()} {i.GetProperty("due").GetString()}"));
}
