using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CrmStateSync.Crm.Contract;
using CrmStateSync.Reports;
using CrmStateSync.Snapshots;
using CrmStateSync.Store;
using CrmStateSync.Sync.Engine;
using CrmStateSync.Tests.TestSupport;

namespace CrmStateSync.Tests.Architecture;

/// <summary>
/// conventions.md "Layout and the direction of dependencies": each src project references exactly the projects and
/// packages listed here. Arrows point inward (executable → adapters → Sync → Rules); adapters never reference each
/// other; the engine, the store, the snapshot reader and the reports see the connector contract (Crm.Abstractions),
/// never the HTTP stack. The executable holds commands, hosting and composition; only its own tests reference it.
/// Adding an arrow means changing this table on purpose.
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
        // The admin console: ASP.NET Core (a framework reference, no package) over the store's read model and the reports;
        // never the HTTP stack of the connectors.
        ["CrmStateSync.AdminConsole"] = (
            ["CrmStateSync.Rules", "CrmStateSync.Crm.Abstractions", "CrmStateSync.Sync", "CrmStateSync.Store", "CrmStateSync.Reports"], []),
        ["CrmStateSync"] = (
            ["CrmStateSync.Rules", "CrmStateSync.Sync", "CrmStateSync.Store", "CrmStateSync.Crm.Salesforce", "CrmStateSync.Crm.HubSpot", "CrmStateSync.Sandbox",
             "CrmStateSync.Snapshots", "CrmStateSync.Reports", "CrmStateSync.AdminConsole"],
            ["System.CommandLine", "Cronos", "Microsoft.Extensions.Configuration.Json", "Microsoft.Extensions.Configuration.Binder",
             "Microsoft.Extensions.Configuration.EnvironmentVariables", "Microsoft.Extensions.Hosting", "Serilog", "Serilog.Extensions.Logging",
             "Serilog.Settings.Configuration", "Serilog.Sinks.Console", "Serilog.Formatting.Compact", "Spectre.Console"]),
    };

    /// <summary>What the engine's, the store's, the snapshot reader's and the reports' closures must never contain: the HTTP
    /// stack, Polly, the adapters' clients.</summary>
    private static readonly string[] HttpStack = ["Polly", "Microsoft.Extensions.Http", "Microsoft.Extensions.Options", "Refit", "CrmStateSync.Crm"];

    private static IEnumerable<string> Projects => Allowed.Keys;

    [Test]
    public void SrcFolder_EveryProjectHasARow() =>
        Assert.That(Directory.GetDirectories(Path.Combine(RepoPaths.Root, "src")).Select(Path.GetFileName), Is.EquivalentTo(Projects));

    [Test(Description = "The README's architecture picture names every src project, so a new library is not left out of it")]
    public void Readme_ArchitecturePicture_NamesEverySrcProject()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        var start = readme.IndexOf("\n## Architecture\n", StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThanOrEqualTo(0), "README.md has no '## Architecture' section");
        var end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        var section = end < 0 ? readme[start..] : readme[start..end];
        Assert.That(Projects.Where(p => !Regex.IsMatch(section, $@"src/{Regex.Escape(p)}\s")), Is.Empty);
    }

    [TestCaseSource(nameof(Projects))]
    public void Project_ReferencesExactlyItsAllowedProjects(string project) =>
        Assert.That(ProjectReferences(project), Is.EquivalentTo(Allowed[project].Projects));

    [TestCaseSource(nameof(Projects))]
    public void Project_ReferencesExactlyItsAllowedPackages(string project) =>
        Assert.That(Includes(project, "PackageReference"), Is.EquivalentTo(Allowed[project].Packages));

    [Test(Description = "The executable holds commands, hosting and composition: what a test needs of the rest lives in a library")]
    public void TestsFolder_OnlyTheExecutablesOwnTestsReferenceIt()
    {
        var executable = Path.GetFullPath(Path.Combine(RepoPaths.Root, "src", "CrmStateSync", "CrmStateSync.csproj"));
        var referencing = Directory.GetFiles(Path.Combine(RepoPaths.Root, "tests"), "*.csproj", SearchOption.AllDirectories)
            .Where(csproj => XDocument.Load(csproj).Descendants("ProjectReference")
                .Select(e => (string?)e.Attribute("Include") ?? "")
                .Any(include => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(csproj)!, include.Replace('\\', '/'))) == executable))
            .Select(Path.GetFileNameWithoutExtension);
        Assert.That(referencing, Is.EquivalentTo(new[] { "CrmStateSync.Tests" }));
    }

    [Description("conventions.md: Sync refs Rules and logging abstractions only — no Polly or HTTP stack in its project closure; " +
                 "the store, the snapshot reader and the reports neither")]
    [TestCase("CrmStateSync.Sync", TestName = "Sync_ProjectClosure_HasNoHttpStack")]
    [TestCase("CrmStateSync.Store", TestName = "Store_ProjectClosure_HasNoHttpStack")]
    [TestCase("CrmStateSync.Snapshots", TestName = "Snapshots_ProjectClosure_HasNoHttpStack")]
    [TestCase("CrmStateSync.Reports", TestName = "Reports_ProjectClosure_HasNoHttpStack")]
    [TestCase("CrmStateSync.AdminConsole", TestName = "AdminConsole_ProjectClosure_HasNoHttpStack")]
    public void ProjectClosure_HasNoHttpStack(string project)
    {
        var closure = Closure(project);
        var names = closure.Concat(closure.SelectMany(p => Allowed[p].Packages)).ToList();
        Assert.That(names, Has.None.Matches<string>(IsHttpStack), string.Join(", ", names));
    }

    [Test(Description = "The connector contract is package-free and sees only the rules")]
    public void CrmAbstractions_Assembly_ReferencesOnlyTheBaseLibraryAndRules() =>
        Assert.That(typeof(ICrmConnector).Assembly.GetReferencedAssemblies().Select(a => a.Name!),
            Has.All.Matches<string>(n => n.StartsWith("System.", StringComparison.Ordinal) || n == "CrmStateSync.Rules"));

    [TestCase(typeof(SyncEngine), TestName = "Sync_AssemblyClosure_HasNoPollyNorHttpStack")]
    [TestCase(typeof(SyncStorePort), TestName = "Store_AssemblyClosure_HasNoPollyNorHttpStack")]
    [TestCase(typeof(DistributionCalculator), TestName = "Reports_AssemblyClosure_HasNoPollyNorHttpStack")]
    public void AssemblyClosure_HasNoPollyNorHttpStack(Type anchor)
    {
        var closure = AssemblyClosure(anchor.Assembly);
        Assert.That(closure, Does.Contain("CrmStateSync.Crm.Abstractions").And.None.Matches<string>(IsHttpStack), string.Join(", ", closure));
    }

    /// <summary>The snapshot reader uses no contract type yet, so the compiler drops that reference: only "nothing of the
    /// HTTP stack" is asserted.</summary>
    [Test]
    public void Snapshots_AssemblyClosure_HasNoPollyNorHttpStack()
    {
        var closure = AssemblyClosure(typeof(SnapshotFileReader).Assembly);
        Assert.That(closure, Does.Contain("CrmStateSync.Rules").And.None.Matches<string>(IsHttpStack), string.Join(", ", closure));
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
