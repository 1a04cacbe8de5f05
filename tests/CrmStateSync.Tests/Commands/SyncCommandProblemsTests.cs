using CrmStateSync.Sandbox;
using CrmStateSync.Sandbox.Seed;
using CrmStateSync.Tests.TestSupport;

namespace CrmStateSync.Tests.Commands;

/// <summary>
/// <c>sync --once</c> with bad records (sync.md "No record stops a cycle"): the cycle completes with exit code 5 (partial
/// failure) instead of 1, the other accounts are written, and the problems are listed by <c>problems list</c>.
/// </summary>
public class SyncCommandProblemsTests
{
    [Test(Description = "No record stops a cycle: a private contact and an opportunity with an emptied AccountId were an 'unexpected failure' (exit 1) on every cycle")]
    public async Task SyncOnce_PrivateContactAndOrphanOpportunity_PartialFailureAndTheRestWritten()
    {
        await using var sandbox = new SandboxServer();
        sandbox.SeedSalesforce(SandboxSeed.Generate(new SeedOptions { Accounts = 12 }));
        await sandbox.StartAsync();
        using var folder = new TempFolder();
        var database = Path.Combine(folder.Path, "state.db");
        var config = SandboxWorkerConfig.Write(folder, sandbox, new { Provider = "salesforce", OrgId = "00Dsandbox", DatabasePath = database });
        var contact = sandbox.Salesforce.TableOf("Contact").OrderedById()[0].Id;
        var opportunity = sandbox.Salesforce.TableOf("Opportunity").OrderedById()[0].Id;
        Unlink(sandbox, "Contact", contact);
        Unlink(sandbox, "Opportunity", opportunity);

        var sync = CommandRun.Of("sync", "--once", "--config", config);
        var problems = CommandRun.Of("problems", "list", "--config", config, "--open", "--format", "json");

        Assert.Multiple(() =>
        {
            Assert.That(sync.ExitCode, Is.EqualTo(ExitCodes.PartialFailure), sync.Error);
            Assert.That(sync.Output, Does.Contain("partial: ").And.Contain("(2 problems)").And.Match(@"written [1-9]\d*"));
            Assert.That(sync.Error, Does.Not.Contain("unexpected failure"));
            Assert.That(problems.ExitCode, Is.EqualTo(ExitCodes.Success), problems.Error);
            Assert.That(problems.Json().GetProperty("problems").EnumerateArray().Select(p => (p.GetProperty("record").GetString(), p.GetProperty("field").GetString())),
                Is.EquivalentTo(new[] { (contact, "AccountId"), (opportunity, "AccountId") }));
        });
    }

    private static void Unlink(SandboxServer sandbox, string canonicalObject, string id) =>
        sandbox.Salesforce.TableOf(canonicalObject).Update(id, r => r with
        {
            Fields = new Dictionary<string, object?>(r.Fields, StringComparer.Ordinal) { ["AccountId"] = null },
            ModifiedAt = r.ModifiedAt.AddMilliseconds(1),
        });
}
