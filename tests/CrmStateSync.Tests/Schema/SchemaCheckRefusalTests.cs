using System.Text.Json;
using CrmStateSync.Tests.TestSupport;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace CrmStateSync.Tests.Schema;

/// <summary>A describe the org refuses is not a schema mismatch: the CRM's code and the exit code of a refused call stay.</summary>
public class SchemaCheckRefusalTests
{
    [Test]
    public void Check_DescribeRefused_KeepsTheCrmErrorCode()
    {
        using var server = WireMockServer.Start();
        var url = server.Urls[0];
        server.Given(Request.Create().WithPath("/services/oauth2/token").UsingPost()).RespondWith(Response.Create().WithStatusCode(200).WithBodyAsJson(new
        {
            access_token = "00Dwire!token", instance_url = url, token_type = "Bearer", issued_at = "1779000000000", id = url + "/id/00D/005",
        }));
        server.Given(Request.Create().WithPath("/services/data/v66.0/sobjects/Account/describe").UsingGet()).RespondWith(Response.Create().WithStatusCode(403)
            .WithBodyAsJson(new[] { new { message = "The user does not have access to describe Account", errorCode = "INSUFFICIENT_ACCESS" } }));
        using var folder = new TempFolder();
        var config = folder.Write("appsettings.json", JsonSerializer.Serialize(new
        {
            Worker = new { Provider = "salesforce", OrgId = "00Dwire" },
            Crm = new { Salesforce = new { LoginUrl = url, ClientId = "client", ClientSecret = "secret" } },
        }));

        var run = CommandRun.Of("schema", "check", "--config", config);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.CrmUnreachable), run.Output + run.Error);
            Assert.That(run.Error, Does.Contain("INSUFFICIENT_ACCESS").And.Contain("403"));
            Assert.That(run.Output, Is.Empty);
        });
    }
}
