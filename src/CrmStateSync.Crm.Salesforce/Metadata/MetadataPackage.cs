using CrmStateSync.Crm.Schema;

namespace CrmStateSync.Crm.Salesforce.Metadata;

/// <summary>One file of a metadata package: its path relative to the package root (forward slashes) and its text.</summary>
public sealed record MetadataFile(string Path, string Content);

/// <summary>
/// A deployable metadata package in source format for the expected fields (<c>sf project deploy start</c>):
/// <c>sfdx-project.json</c>, a <c>CustomField</c> per custom field (picklists with their values, the formula fields),
/// the custom usage object, and the <c>CrmStateSync_Integration</c> permission set. Standard fields are left alone.
/// </summary>
public static class MetadataPackage
{
    /// <summary>The permission set to assign to the integration user.</summary>
    public const string PermissionSetName = PackageXml.PermissionSetName;

    private const string Root = "force-app/main/default";

    /// <param name="expected">From <see cref="ExpectedSchema.For"/> for Salesforce.</param>
    /// <param name="apiVersion">The API version, <c>v66.0</c> or <c>66.0</c>.</param>
    public static IReadOnlyList<MetadataFile> Generate(IReadOnlyList<ExpectedField> expected, string apiVersion)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(apiVersion);
        var custom = expected.Where(f => f.Custom).GroupBy(f => (f.ObjectName, f.Field)).Select(g => Strongest(g)).ToList();
        var files = new List<MetadataFile> { new("sfdx-project.json", Project(apiVersion.TrimStart('v'))) };
        files.AddRange(custom.Where(f => f.CustomObject).Select(f => f.ObjectName).Distinct()
            .Select(o => new MetadataFile($"{Root}/objects/{o}/{o}.object-meta.xml", MetadataXml.Serialize(PackageXml.CustomObject(o)))));
        files.AddRange(custom.Select(f => new MetadataFile($"{Root}/objects/{f.ObjectName}/fields/{f.Field}.field-meta.xml", MetadataXml.Serialize(CustomFieldXml.For(f)))));
        var permissionSet = PackageXml.PermissionSet(custom, expected.Select(f => f.ObjectName));
        files.Add(new MetadataFile($"{Root}/permissionsets/{PackageXml.PermissionSetName}.permissionset-meta.xml", MetadataXml.Serialize(permissionSet)));
        return [.. files.OrderBy(f => f.Path, StringComparer.Ordinal)];
    }

    /// <summary>Writes the package under <paramref name="directory"/> (created); returns the files written.</summary>
    public static IReadOnlyList<string> Write(IReadOnlyList<MetadataFile> files, string directory)
    {
        ArgumentNullException.ThrowIfNull(files);
        var written = new List<string>();
        foreach (var file in files)
        {
            var path = Path.Combine(directory, file.Path.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, file.Content);
            written.Add(path);
        }

        return written;
    }

    /// <summary>A field mapped twice (read and written) is provisioned as the written one.</summary>
    private static ExpectedField Strongest(IEnumerable<ExpectedField> same) => same.OrderByDescending(f => f.Access == FieldAccess.Written).First();

    private static string Project(string version) => $$"""
        {
          "packageDirectories": [
            {
              "path": "force-app",
              "default": true
            }
          ],
          "name": "crmstatesync",
          "namespace": "",
          "sourceApiVersion": "{{version}}"
        }

        """.Replace("\r\n", "\n", StringComparison.Ordinal);
}
