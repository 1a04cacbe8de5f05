using System.Globalization;
using System.Reflection;

namespace CrmStateSync.Store.Schema;

/// <summary>One embedded migration script, <c>Migrations/NNNN_name.sql</c>; its number is the schema version it produces.</summary>
internal sealed record Migration(int Version, string Name, string Sql)
{
    private const string Folder = ".Migrations.";

    /// <summary>Every embedded migration, in version order.</summary>
    public static IReadOnlyList<Migration> All { get; } = Load(typeof(Migration).Assembly);

    /// <summary>The schema version this build writes.</summary>
    public static int Latest => All[^1].Version;

    private static List<Migration> Load(Assembly assembly)
    {
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var at = resource.IndexOf(Folder, StringComparison.Ordinal);
            if (at < 0 || !resource.EndsWith(".sql", StringComparison.Ordinal))
            {
                continue;
            }

            var name = resource[(at + Folder.Length)..];
            var digits = new string(name.TakeWhile(char.IsAsciiDigit).ToArray());
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            migrations.Add(new Migration(int.Parse(digits, CultureInfo.InvariantCulture), name, reader.ReadToEnd()));
        }

        if (migrations.Count == 0)
        {
            throw new InvalidOperationException("The store assembly embeds no migration script (Migrations/*.sql).");
        }

        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        return migrations;
    }
}
