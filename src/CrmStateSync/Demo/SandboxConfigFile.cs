using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CrmStateSync.Sandbox;

namespace CrmStateSync.Demo;

/// <summary>
/// The appsettings file that points the worker at a running sandbox, so every operator command (schema check, sync,
/// backfill, run, conflicts, report) can be tried without an org: <see cref="SandboxSettings"/> plus a cycle interval and
/// a heartbeat file.
/// </summary>
internal static class SandboxConfigFile
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Render(string crm, SandboxServer sandbox, string databasePath)
    {
        var settings = SandboxSettings.For(crm, sandbox, databasePath, "sandbox-" + crm);
        settings["Worker:Interval"] = "00:01:00";
        settings["Worker:HeartbeatPath"] = Path.Combine(Path.GetDirectoryName(databasePath) ?? ".", $"heartbeat-{crm}");
        var root = new JsonObject();
        foreach (var (key, value) in settings)
        {
            var parts = key.Split(':');
            var node = root;
            foreach (var part in parts[..^1])
            {
                node = (JsonObject)(node[part] ??= new JsonObject());
            }

            // Numbers stay JSON numbers (RequestsPer10Seconds), as an admin would write them.
            node[parts[^1]] = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? JsonValue.Create(number) : JsonValue.Create(value);
        }

        return root.ToJsonString(Indented);
    }
}
