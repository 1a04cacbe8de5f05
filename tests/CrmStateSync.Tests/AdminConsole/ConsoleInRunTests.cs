using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using CrmStateSync.AdminConsole;
using CrmStateSync.Sandbox;
using CrmStateSync.Sandbox.Seed;
using CrmStateSync.Tests.Crash;
using CrmStateSync.Tests.TestSupport;

namespace CrmStateSync.Tests.AdminConsole;

/// <summary>
/// The console as production serves it: the real executable as a child process, <c>run</c> with
/// <c>Worker:Console:Url</c> (beside, never on, the health address) and the <c>console</c> command over the store file
/// alone; the password hash comes from the secrets file, as the go-live guide says.
/// </summary>
[NonParallelizable]
public sealed class ConsoleInRunTests
{
    private const string Password = "run-console-password";

    [Test]
    public async Task Run_with_a_console_url_serves_the_console_on_its_own_address_and_stops_gracefully()
    {
        await using var sandbox = new SandboxServer();
        sandbox.SeedSalesforce(SandboxSeed.Generate(new SeedOptions { Accounts = 5 }));
        await sandbox.StartAsync();
        using var folder = new TempFolder();
        var (consolePort, healthPort) = (FreePort(), FreePort());
        var config = SandboxWorkerConfig.Write(folder, sandbox, new
        {
            Provider = "salesforce", OrgId = "00Dsandbox", DatabasePath = Path.Combine(folder.Path, "state.db"), Interval = "00:05:00",
            HealthUrls = $"http://127.0.0.1:{healthPort}",
            Console = new { Url = $"http://127.0.0.1:{consolePort}", Users = new { ada = new { Role = "admin" } } },
        });
        var secrets = Secrets(folder);
        using var worker = WorkerProcess.Start(new Dictionary<string, string> { ["CRMSTATESYNC_SECRETS_FILE"] = secrets }, "run", "--config", config);
        using var console = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{consolePort}"),
        };
        using var health = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{healthPort}") };

        Assert.That(await worker.PrintedAsync("Sync cycle"), Is.True, worker.Printed);
        await WaitForAsync(console, "/signin");
        using var signIn = await ConsoleHarness.SignInAsync(console, "ada", Password);
        var overview = await console.GetStringAsync("/");
        using var consoleOnHealth = await health.GetAsync("/");
        using var healthOnConsole = await console.GetAsync("/health/ready");
        await worker.SignalAsync("TERM");
        var exit = await worker.WaitAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(signIn.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), worker.Printed);
            Assert.That(overview, Does.Contain("00Dsandbox").And.Contain("<a href=\"/runs/1\" class=\"outcome ok\">ok</a>"));
            Assert.That(overview, Does.Match(@"<h2>Next cycle</h2><p class=""big"">\d{4}-\d\d-\d\d \d\d:\d\d:\d\d</p>"), "run knows its next cycle");
            Assert.That(consoleOnHealth.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "the health address serves no console");
            Assert.That(healthOnConsole.StatusCode, Is.Not.EqualTo(HttpStatusCode.OK), "the console address serves no probe");
            Assert.That(exit, Is.Zero, worker.Printed);
            Assert.That(worker.Printed, Does.Not.Contain(Password).And.Not.Contain(PasswordHashOf(secrets)));
        }
    }

    [Test]
    public async Task The_console_command_serves_a_store_file_on_its_own_and_stops_on_ctrl_c()
    {
        await using var sandbox = new SandboxServer();
        sandbox.SeedSalesforce(SandboxSeed.Generate(new SeedOptions { Accounts = 3 }));
        await sandbox.StartAsync();
        using var folder = new TempFolder();
        var port = FreePort();
        var config = SandboxWorkerConfig.Write(folder, sandbox, new
        {
            Provider = "salesforce", OrgId = "00Dsandbox", DatabasePath = Path.Combine(folder.Path, "state.db"),
            Console = new { Users = new { ada = new { Role = "admin" } } },
        });
        var secrets = Secrets(folder);
        var environment = new Dictionary<string, string> { ["CRMSTATESYNC_SECRETS_FILE"] = secrets };
        var (synced, printed) = await WorkerProcess.RunSyncOnceAsync(config);
        Assert.That(synced, Is.Zero, printed);
        using var served = WorkerProcess.Start(environment, "console", "--config", config, "--url", $"http://127.0.0.1:{port}");
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}"),
        };

        await WaitForAsync(client, "/signin");
        using var signIn = await ConsoleHarness.SignInAsync(client, "ada", Password);
        var overview = await client.GetStringAsync("/");
        await served.SignalAsync("INT");
        var exit = await served.WaitAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(served.Printed, Does.Contain($"Console for salesforce org 00Dsandbox at http://127.0.0.1:{port}"));
            Assert.That(overview, Does.Contain("not scheduled here").And.Contain("3 accounts"));
            Assert.That(exit, Is.Zero, served.Printed);
        }
    }

    [Test]
    public void The_console_command_lists_every_problem_of_its_configuration_with_its_key()
    {
        using var folder = new TempFolder();
        var config = folder.Write("appsettings.json", JsonSerializer.Serialize(new
        {
            Worker = new
            {
                Provider = "salesforce", OrgId = "00Dx", DatabasePath = Path.Combine(folder.Path, "state.db"),
                Console = new
                {
                    Url = "127.0.0.1:5080",
                    Users = new { ada = new { Role = "owner", PasswordHash = PasswordHashes.Hash("in-the-wrong-file-1") }, vic = new { Role = "viewer" } },
                },
            },
        }));

        var run = CommandRun.Of("console", "--config", config);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.ConfigurationError));
            Assert.That(run.Error, Does.Contain("Worker:Console:Url: '127.0.0.1:5080' is not an http(s) address with a port"));
            Assert.That(run.Error, Does.Contain("Worker:Console:Users:ada:Role: 'owner' is not admin or viewer"));
            Assert.That(run.Error, Does.Contain("Worker:Console:Users:vic:PasswordHash: required for password sign-in"));
            Assert.That(run.Error, Does.Contain("Worker:Console:Users:ada:PasswordHash: a password hash belongs in the secrets file"));
            Assert.That(run.Error, Does.Not.Contain("AQAAAA"), "the hash itself is never printed");
        }
    }

    [Test]
    public void The_console_command_without_a_store_file_says_where_it_looked()
    {
        using var folder = new TempFolder();
        var db = Path.Combine(folder.Path, "state.db");
        var config = folder.Write("appsettings.json", JsonSerializer.Serialize(new { Worker = new { Provider = "salesforce", OrgId = "00Dx", DatabasePath = db, Console = new { Authentication = "proxy", TrustedProxies = new[] { "127.0.0.1" } } } }));

        var run = CommandRun.Of("console", "--config", config);

        Assert.That((run.ExitCode, run.Error.Trim()), Is.EqualTo((ExitCodes.InputError, $"No store to show: the file {db} (Worker:DatabasePath) does not exist. The worker creates it on its first cycle.")));
        Assert.That(File.Exists(db), Is.False, "nothing was created");
    }

    [Test]
    public async Task Hash_password_prints_a_hash_that_verifies_and_refuses_a_short_password()
    {
        var hashed = await HashPasswordAsync("a-long-enough-password");
        var tooShort = await HashPasswordAsync("short");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(hashed.ExitCode, Is.Zero, hashed.Error);
            Assert.That(PasswordHashes.Verify(hashed.Output.Trim(), "a-long-enough-password"), Is.True);
            Assert.That(PasswordHashes.Verify(hashed.Output.Trim(), "another-password-1"), Is.False);
            Assert.That(tooShort.ExitCode, Is.EqualTo(ExitCodes.InputError));
            Assert.That(tooShort.Output, Is.Empty);
        }
    }

    /// <summary>Runs the executable's <c>console hash-password</c> with the password on its standard input, as a pipe gives it.</summary>
    private static async Task<(int ExitCode, string Output, string Error)> HashPasswordAsync(string password)
    {
        var start = new System.Diagnostics.ProcessStartInfo(WorkerProcess.DotnetHost())
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "crmstatesync.dll"), "console", "hash-password" },
        };
        using var process = System.Diagnostics.Process.Start(start)!;
        await process.StandardInput.WriteLineAsync(password);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(WorkerProcess.Timeout);
        return (process.ExitCode, await output, await error);
    }

    private static string Secrets(TempFolder folder) =>
        folder.Write("secrets.json", JsonSerializer.Serialize(new { Worker = new { Console = new { Users = new { ada = new { PasswordHash = PasswordHashes.Hash(Password) } } } } }));

    private static string PasswordHashOf(string secrets) =>
        JsonDocument.Parse(File.ReadAllText(secrets)).RootElement.GetProperty("Worker").GetProperty("Console").GetProperty("Users").GetProperty("ada").GetProperty("PasswordHash").GetString()!;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitForAsync(HttpClient client, string path)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            try
            {
                using var answer = await client.GetAsync(path, timeout.Token);
                if (answer.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100, timeout.Token);
        }
    }
}
