using System.Text.Json;
using System.Text.RegularExpressions;
using CrmStateSync.Hosting;
using CrmStateSync.Tests.Samples;
using CrmStateSync.Tests.TestSupport;
using Microsoft.Extensions.Configuration;

namespace CrmStateSync.Tests.Deploy;

/// <summary>
/// Cheap invariants of deploy/ that no linter here checks: the configuration shipped to Kubernetes passes the worker's
/// validation and points into the mounted volume, one writer per SQLite file, a non-root image, and a systemd unit that
/// does not restart into a configuration or credential error.
/// </summary>
public partial class DeployFilesTests
{
    private const string StateMount = "/var/lib/crmstatesync";

    public static IEnumerable<string> KubernetesAppSettings() =>
        SampleConfiguration.Files("deploy/kubernetes", "appsettings.json", SearchOption.AllDirectories);

    [TestCaseSource(nameof(KubernetesAppSettings))]
    public void ConfigMapAppSettings_WithSecretsFromTheSecret_IsValidJsonAndValidates(string file)
    {
        Assert.That(() => JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, file))).Dispose(), Throws.Nothing);
        using var samples = new SampleConfiguration();

        var (worker, _, problems) = WorkerConfiguration.Validate(samples.Load(file));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(problems, Is.Empty);
            Assert.That(worker.DatabasePath, Does.StartWith(StateMount + "/"), "the SQLite file must live on the PVC");
            Assert.That(worker.HeartbeatPath, Does.StartWith(StateMount + "/"), "the root file system is read-only");
        }
    }

    [TestCaseSource(nameof(KubernetesAppSettings))]
    public void ConfigMapAppSettings_HealthUrls_ListenOnTheProbedContainerPort(string file)
    {
        var urls = new ConfigurationBuilder().AddJsonFile(Path.Combine(RepoPaths.Root, file)).Build()["Worker:HealthUrls"];

        Assert.That(urls, Does.EndWith(":" + ContainerPort()));
    }

    [Test]
    public void Deployment_OneWriterPerSqliteFile_OneReplicaRecreatedNotRolled()
    {
        var deployment = Read("deploy/kubernetes/base/deployment.yaml");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Replicas().Match(deployment).Groups[1].Value, Is.EqualTo("1"));
            Assert.That(deployment, Does.Match(@"strategy:\s*\n\s*type:\s*Recreate\b"));
            Assert.That(deployment, Does.Contain("mountPath: " + StateMount));
        }
    }

    [Test]
    public void Deployment_TerminationGrace_OutlastsTheHostShutdownTimeout()
    {
        // After SIGTERM the cycle finishes its chunk within Worker:ShutdownTimeout, then gets the host's unwind margin.
        var grace = int.Parse(GracePeriod().Match(Read("deploy/kubernetes/base/deployment.yaml")).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

        Assert.That(grace, Is.GreaterThan((new CrmStateSync.Hosting.WorkerOptions().ShutdownTimeout + CrmStateSync.Hosting.WorkerHost.UnwindMargin).TotalSeconds));
    }

    [Test]
    public void Dockerfile_FinalUser_IsTheImagesNonRootAppUser()
    {
        var users = Read("deploy/docker/Dockerfile").Split('\n').Where(l => l.StartsWith("USER ", StringComparison.Ordinal)).ToList();

        Assert.That(users, Is.Not.Empty);
        Assert.That(users[^1].Trim(), Is.EqualTo("USER 1654"), "the aspnet images' app user; numeric so runAsNonRoot can verify it");
    }

    [Test(Description = "The restore layer copies the project files one by one: a src project missing there fails restore in the image")]
    public void Dockerfile_RestoreLayer_CopiesEverySrcProjectFile()
    {
        var dockerfile = Read("deploy/docker/Dockerfile");
        var projects = Directory.GetDirectories(Path.Combine(RepoPaths.Root, "src")).Select(Path.GetFileName).ToList();

        Assert.That(projects.Where(p => !dockerfile.Contains($"COPY src/{p}/{p}.csproj src/{p}/\n", StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public void Dockerfile_Healthcheck_UsesTheExecutablesHealthCommand()
    {
        var dockerfile = Read("deploy/docker/Dockerfile");

        Assert.That(dockerfile, Does.Match(@"HEALTHCHECK[^\n]*\\\n\s*CMD \[""dotnet"", ""/app/crmstatesync.dll"", ""health"""));
    }

    [Test]
    public void SystemdUnit_RestartPreventExitStatus_ListsTheConfigurationAuthenticationSchemaAndStoreExitCodes()
    {
        var line = Read("deploy/systemd/crmstatesync@.service").Split('\n').Single(l => l.StartsWith("RestartPreventExitStatus=", StringComparison.Ordinal));
        var codes = line["RestartPreventExitStatus=".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);

        Assert.That(codes, Is.SupersetOf(new[] { ExitCodes.ConfigurationError, ExitCodes.AuthenticationFailure, ExitCodes.SchemaMismatch, ExitCodes.StoreUnusable }.Select(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture))));
    }

    [Test(Description = "issue 13 item 10: a unit given only secrets.env must start; LoadCredential= alone fails on a missing file")]
    public void SystemdUnit_SecretsJsonCredential_HasAnEmptyDefault_SoSecretsEnvAloneStarts()
    {
        var lines = Read("deploy/systemd/crmstatesync@.service").Split('\n');

        Assert.Multiple(() =>
        {
            Assert.That(lines, Has.Some.StartsWith("LoadCredential=secrets.json:"));
            Assert.That(lines, Has.Some.EqualTo("SetCredential=secrets.json:{}"), "the default systemd uses when the file is absent");
            Assert.That(lines, Has.Some.StartsWith("EnvironmentFile=-"), "secrets.env is optional too");
        });
    }

    [Test(Description = "issue 13 item 10: a Job's pod template is immutable, so the dry-run Job is deleted before the real one is applied")]
    public void GoLiveJob_Instructions_DeleteTheDryRunJobBeforeApplyingTheRealOne()
    {
        var steps = Read("deploy/kubernetes/go-live/kustomization.yaml").Split('\n')
            .Where(l => l.Contains("kubectl apply -k deploy/kubernetes/go-live", StringComparison.Ordinal) || l.Contains("kubectl delete job", StringComparison.Ordinal))
            .Select(l => l.Contains("delete", StringComparison.Ordinal) ? "delete" : "apply")
            .ToList();

        Assert.That(steps.Take(3), Is.EqualTo(new[] { "apply", "delete", "apply" }));
    }

    private static string ContainerPort() => ContainerPortLine().Match(Read("deploy/kubernetes/base/deployment.yaml")).Groups[1].Value;

    private static string Read(string repoRelative) => File.ReadAllText(Path.Combine(RepoPaths.Root, repoRelative)).ReplaceLineEndings("\n");

    [GeneratedRegex(@"^\s*replicas:\s*(\d+)\s*$", RegexOptions.Multiline)]
    private static partial Regex Replicas();

    [GeneratedRegex(@"^\s*terminationGracePeriodSeconds:\s*(\d+)\s*$", RegexOptions.Multiline)]
    private static partial Regex GracePeriod();

    [GeneratedRegex(@"^\s*containerPort:\s*(\d+)\s*$", RegexOptions.Multiline)]
    private static partial Regex ContainerPortLine();
}
