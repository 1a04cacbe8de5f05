using System.Reflection;
using System.Xml.Linq;
using CrmStateSync.Crm.Contract;
using CrmStateSync.Store;
using CrmStateSync.Sync.Engine;
using CrmStateSync.Tests.TestSupport;

namespace CrmStateSync.Tests.Architecture;

/// <summary>
/// conventions.md "Layout and the direction of dependencies": each src project references exactly the projects and
/// packages listed here. Arrows point inward (executable → adapters → Sync → Rules); adapters never reference each
/// other; the engine and the store see the connector contract (Crm.Abstractions), never the HTTP stack. Adding an
/// arrow means changing this table on purpose.
/// </summary>
public sealed class ProjectReferencesTests
{
    private static readonly Dictionary<string, (string[] Projects, string[] Packages)> Allowed = new()
    {
        ["CrmStateSync.Rules"] = ([], ["System.Linq.Dynamic.Core", "Microsoft.CodeAnalysis.BannedApiAnalyzers"]),
        ["CrmStateSync.Crm.Abstractions"] = (["CrmStateSync.Rules"], []),
        ["CrmStateSync.Sync"] = (["CrmStateSync.Rules", "CrmStateSync.Crm.Abstractions"], ["Microsoft.Extensions.Logging.Abstractions"]),
        ["CrmStateSync.Crm"] = (["CrmStateSync.Rules", "CrmStateSync.Crm.Abstractions"],
            ["Microsoft.Extensions.Http", "Microsoft.Extensions.Http.Resilience", "Microsoft.Extensions.Logging.Abstractions", "Microsoft.Extensions.Options"]),
        ["CrmStateSync.Crm.Salesforce"] = (["CrmStateSync.Crm"],
            ["Refit", "Refit.HttpClientFactory", "CsvHelper", "Microsoft.Extensions.DependencyInjection", "Microsoft.Extensions.Configuration.Binder"]),
        ["CrmStateSync.Crm.HubSpot"] = (["CrmStateSync.Crm"], ["Refit", "Refit.HttpClientFactory", "Microsoft.Extensions.DependencyInjection"]),
        ["CrmStateSync.Store"] = (["CrmStateSync.Rules", "CrmStateSync.Crm.Abstractions", "CrmStateSync.Sync"], ["Dapper", "Microsoft.Data.Sqlite"]),
        ["CrmStateSync.Sandbox"] = (["CrmStateSync.Crm"], []),
        ["CrmStateSync.Snapshots"] = (["CrmStateSync.Rules", "CrmStateSync.Crm.Abstractions"], []),
        ["CrmStateSync.Reports"] = (
            ["CrmStateSync.Rules", "CrmStateSync.Crm.Abstractions", "CrmStateSync.Sync", "CrmStateSync.Store", "CrmStateSync.Snapshots"], []),
        ["CrmStateSync"] = (
            ["CrmStateSync.Rules", "CrmStateSync.Sync", "CrmStateSync.Store", "CrmStateSync.Crm.Salesforce", "CrmStateSync.Crm.HubSpot", "CrmStateSync.Sandbox",
             "CrmStateSync.Snapshots", "CrmStateSync.Reports"],
            ["System.CommandLine", "Cronos", "Microsoft.Extensions.Configuration.Json", "Microsoft.Extensions.Configuration.Binder",
             "Microsoft.Extensions.Configuration.EnvironmentVariables", "Microsoft.Extensions.Hosting", "Serilog", "Serilog.Extensions.Logging",
             "Serilog.Settings.Configuration", "Serilog.Sinks.Console", "Serilog.Formatting.Compact", "Spectre.Console"]),
    };

    /// <summary>What the engine's and the store's closure must never contain: the HTTP stack, Polly, the adapters' clients.</summary>
    private static readonly string[] HttpStack = ["Polly", "Microsoft.Extensions.Http", "Microsoft.Extensions.Options", "Refit", "CrmStateSync.Crm"];

    private static IEnumerable<string> Projects => Allowed.Keys;

    [Test]
    public void SrcFolder_EveryProjectHasARow() =>
        Assert.That(Directory.GetDirectories(Path.Combine(RepoPaths.Root, "src")).Select(Path.GetFileName), Is.EquivalentTo(Projects));

    [TestCaseSource(nameof(Projects))]
    public void Project_ReferencesExactlyItsAllowedProjects(string project) =>
        Assert.That(ProjectReferences(project), Is.EquivalentTo(Allowed[project].Projects));

    [TestCaseSource(nameof(Projects))]
    public void Project_ReferencesExactlyItsAllowedPackages(string project) =>
        Assert.That(Includes(project, "PackageReference"), Is.EquivalentTo(Allowed[project].Packages));

    [Test(Description = "conventions.md: Sync refs Rules and logging abstractions only — no Polly or HTTP stack in its project closure")]
    public void Sync_ProjectClosure_HasNoHttpStackPackage()
    {
        var packages = Closure("CrmStateSync.Sync").SelectMany(p => Allowed[p].Packages).ToList();
        Assert.That(packages, Has.None.Matches<string>(IsHttpStack), string.Join(", ", packages));
    }

    [Test(Description = "The connector contract is package-free and sees only the rules")]
    public void CrmAbstractions_Assembly_ReferencesOnlyTheBaseLibraryAndRules() =>
        Assert.That(typeof(ICrmConnector).Assembly.GetReferencedAssemblies().Select(a => a.Name!),
            Has.All.Matches<string>(n => n.StartsWith("System.", StringComparison.Ordinal) || n == "CrmStateSync.Rules"));

    [TestCase(typeof(SyncEngine), TestName = "Sync_AssemblyClosure_HasNoPollyNorHttpStack")]
    [TestCase(typeof(SyncStorePort), TestName = "Store_AssemblyClosure_HasNoPollyNorHttpStack")]
    public void AssemblyClosure_HasNoPollyNorHttpStack(Type anchor)
    {
        var closure = AssemblyClosure(anchor.Assembly);
        Assert.That(closure, Does.Contain("CrmStateSync.Crm.Abstractions").And.None.Matches<string>(IsHttpStack), string.Join(", ", closure));
    }

    private static bool IsHttpStack(string name) =>
        HttpStack.Any(h => name == h || name.StartsWith(h + ".", StringComparison.Ordinal)) && name != "CrmStateSync.Crm.Abstractions";

    private static List<string> Includes(string project, string item) =>
        [.. XDocument.Load(Path.Combine(RepoPaths.Root, "src", project, project + ".csproj")).Descendants(item)
            .Select(e => (string?)e.Attribute("Include") ?? throw new InvalidOperationException($"{project}: a {item} without Include"))];

    /// <summary>The names of the projects <paramref name="project"/> references (Include paths use Windows separators).</summary>
    private static List<string> ProjectReferences(string project) =>
        [.. Includes(project, "ProjectReference").Select(p => Path.GetFileNameWithoutExtension(p.Replace('\\', '/')))];

    private static HashSet<string> Closure(string project)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var todo = new Stack<string>([project]);
        while (todo.TryPop(out var next))
        {
            if (seen.Add(next))
            {
                foreach (var reference in ProjectReferences(next))
                {
                    todo.Push(reference);
                }
            }
        }

        return seen;
    }

    /// <summary>Every assembly the given one loads, transitively, the framework's own left out.</summary>
    private static SortedSet<string> AssemblyClosure(Assembly root)
    {
        var seen = new SortedSet<string>(StringComparer.Ordinal);
        var todo = new Stack<Assembly>([root]);
        while (todo.TryPop(out var next))
        {
            foreach (var reference in next.GetReferencedAssemblies())
            {
                if (!IsFramework(reference.Name!) && seen.Add(reference.Name!))
                {
                    todo.Push(Assembly.Load(reference));
                }
            }
        }

        return seen;
    }

    private static bool IsFramework(string name) =>
        name is "mscorlib" or "netstandard" || name.StartsWith("System.", StringComparison.Ordinal) || name.StartsWith("Microsoft.Win32", StringComparison.Ordinal);
}
