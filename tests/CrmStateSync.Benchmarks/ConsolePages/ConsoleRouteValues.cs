using Microsoft.Data.Sqlite;

namespace CrmStateSync.Benchmarks.ConsolePages;

/// <summary>
/// The values the route list's placeholders stand for, looked up in the store once before timing (not timed): a recent
/// and an old run, the commonest conflict field, an account with conflicts, an open conflict, an exact account id and
/// the account with the most transitions (the longest timeline).
/// </summary>
internal static class ConsoleRouteValues
{
    private static readonly (string Name, string Sql)[] Queries =
    [
        ("recentRun", "SELECT max(id) FROM runs"),
        ("oldRun", "SELECT id FROM runs ORDER BY id LIMIT 1 OFFSET (SELECT count(*) / 10 FROM runs)"),
        ("field", "SELECT field FROM conflicts GROUP BY field ORDER BY count(*) DESC LIMIT 1"),
        ("conflictAccount", "SELECT account_id FROM conflicts ORDER BY id DESC LIMIT 1"),
        ("conflict", "SELECT id FROM conflicts WHERE action = 'Open' AND resolved_on IS NULL ORDER BY id DESC LIMIT 1"),
        ("account", "SELECT id FROM accounts ORDER BY id LIMIT 1 OFFSET (SELECT count(*) / 2 FROM accounts)"),
        ("busyAccount", "SELECT account_id FROM transitions GROUP BY account_id ORDER BY count(*) DESC LIMIT 1"),
    ];

    public static Dictionary<string, string> Read(string storePath)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = storePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, sql) in Queries)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            values[name] = Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) ?? "";
        }

        return values;
    }

    /// <summary>The route with each {name} replaced by its value, escaped for a URL.</summary>
    public static string Fill(string route, IReadOnlyDictionary<string, string> values)
    {
        foreach (var (name, value) in values)
        {
            route = route.Replace("{" + name + "}", Uri.EscapeDataString(value), StringComparison.Ordinal);
        }

        return route;
    }
}
