using CrmStateSync.Tests.TestSupport;
using Microsoft.Extensions.Configuration;

namespace CrmStateSync.Tests.Samples;

/// <summary>
/// A shipped configuration file (or a base file with fragments layered over it) as the worker would load it, with
/// the secrets a deployment supplies from the environment or a secrets file: dummies, in memory.
/// </summary>
internal sealed class SampleConfiguration : IDisposable
{
    private readonly TempFolder _folder = new();

    public SampleConfiguration() =>
        PrivateKeyPath = _folder.Write("salesforce-jwt.pem", "-----BEGIN PRIVATE KEY-----\nnot a real key\n-----END PRIVATE KEY-----\n");

    /// <summary>The JWT bearer flow's key must exist on disk; validation checks only that it does.</summary>
    public string PrivateKeyPath { get; }

    /// <summary>The files under the repository root, layered in order, then the dummy secrets.</summary>
    public IConfigurationRoot Load(params string[] repoRelativeFiles) => Load(withSecrets: true, repoRelativeFiles);

    public IConfigurationRoot Load(bool withSecrets, params string[] repoRelativeFiles)
    {
        var builder = new ConfigurationBuilder();
        foreach (var file in repoRelativeFiles)
        {
            builder.AddJsonFile(Path.Combine(RepoPaths.Root, file), optional: false);
        }

        if (withSecrets)
        {
            builder.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Crm:Salesforce:PrivateKeyPath"] = PrivateKeyPath,
                ["Crm:Salesforce:ClientSecret"] = "dummy-client-secret",
                ["Crm:HubSpot:AccessToken"] = "pat-dummy-token",
            });
        }

        return builder.Build();
    }

    /// <summary>Repository-relative paths of the files matching <paramref name="pattern"/> in <paramref name="folder"/>.</summary>
    public static IEnumerable<string> Files(string folder, string pattern, SearchOption search = SearchOption.TopDirectoryOnly) =>
        Directory.GetFiles(Path.Combine(RepoPaths.Root, folder), pattern, search)
            .Select(f => Path.GetRelativePath(RepoPaths.Root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    public void Dispose() => _folder.Dispose();
}
