using System.Net;
using System.Text.RegularExpressions;
using CrmStateSync.AdminConsole;
using CrmStateSync.AdminConsole.Hosting;
using CrmStateSync.Store;
using CrmStateSync.Tests.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CrmStateSync.Tests.AdminConsole;

/// <summary>
/// The console as <c>run</c> and <c>console</c> serve it (<see cref="ConsoleServer.Build"/>, real Kestrel on a free
/// loopback port) over a real store file seeded through <see cref="SqliteSyncStore"/>. Two password users: <see cref="Admin"/>
/// and <see cref="Viewer"/>.
/// </summary>
internal sealed partial class ConsoleHarness : IAsyncDisposable
{
    public const string OrgId = "00Dconsole";
    public const string Admin = "ada";
    public const string Viewer = "vic";
    public const string AdminPassword = "ada-password-1234";
    public const string ViewerPassword = "vic-password-1234";

    // PBKDF2 with 100,000 iterations: hashed once for every test.
    private static readonly Lazy<(string Admin, string Viewer)> Hashes = new(() => (PasswordHashes.Hash(AdminPassword), PasswordHashes.Hash(ViewerPassword)));

    private readonly TempFolder _folder;
    private readonly WebApplication _app;

    private ConsoleHarness(TempFolder folder, WebApplication app, string storePath, Uri baseAddress, ConsoleSite site)
    {
        (_folder, _app, StorePath, BaseAddress, Site) = (folder, app, storePath, baseAddress, site);
    }

    public string StorePath { get; }

    public Uri BaseAddress { get; }

    public ConsoleSite Site { get; }

    /// <summary>Seeds a new store with <paramref name="seed"/>, then serves the console over it.</summary>
    public static async Task<ConsoleHarness> StartAsync(
        Func<SqliteSyncStore, Task>? seed = null, Action<ConsoleOptions>? configure = null, TimeProvider? clock = null, string provider = "salesforce",
        Microsoft.Extensions.Logging.ILoggerFactory? logging = null)
    {
        clock ??= new FixedClock(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
        var folder = new TempFolder();
        var storePath = Path.Combine(folder.Path, "console.db");
        await using (var store = await SqliteSyncStore.OpenAsync(storePath, OrgId, provider, time: clock))
        {
            if (seed is not null)
            {
                await seed(store);
            }
        }

        return await ServeAsync(folder, storePath, OrgId, provider, clock, configure, logging);
    }

    /// <summary>Serves the console over a store file another part of the test writes (a sync scenario's), as <c>run</c> does.</summary>
    public static Task<ConsoleHarness> ServeAsync(string storePath, string orgId, string provider, TimeProvider clock, Action<ConsoleOptions>? configure = null) =>
        ServeAsync(new TempFolder(), storePath, orgId, provider, clock, configure, null);

    private static async Task<ConsoleHarness> ServeAsync(
        TempFolder folder, string storePath, string orgId, string provider, TimeProvider clock, Action<ConsoleOptions>? configure, Microsoft.Extensions.Logging.ILoggerFactory? logging)
    {
        var options = new ConsoleOptions
        {
            Url = "http://127.0.0.1:0",
            Users =
            {
                [Admin] = new ConsoleUserOptions { Role = ConsoleRoles.Admin, PasswordHash = Hashes.Value.Admin },
                [Viewer] = new ConsoleUserOptions { Role = ConsoleRoles.Viewer, PasswordHash = Hashes.Value.Viewer },
            },
        };
        configure?.Invoke(options);
        var site = new ConsoleSite(options, storePath, orgId, provider, clock, logging ?? NullLoggerFactory.Instance);
        var app = ConsoleServer.Build(site);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ConsoleHarness(folder, app, storePath, new Uri(address), site);
    }

    /// <summary>A client with its own cookie jar; redirects are not followed, so tests see them.</summary>
    public HttpClient Client() =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = BaseAddress };

    /// <summary>A client signed in as <paramref name="user"/> through the sign-in form.</summary>
    public async Task<HttpClient> SignedInAsync(string user = Admin)
    {
        var client = Client();
        using var answer = await SignInAsync(client, user, user == Admin ? AdminPassword : ViewerPassword);
        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), $"signing in as {user}");
        return client;
    }

    /// <summary>Posts the sign-in form with the page's anti-forgery token.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string user, string password)
    {
        var token = Token(await client.GetStringAsync("/signin"));
        return await client.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["user"] = user, ["password"] = password, ["returnUrl"] = "/",
        }));
    }

    /// <summary>Posts a form on <paramref name="page"/> with the anti-forgery token the page was rendered with.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, string action, IDictionary<string, string> fields)
    {
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = Token(await client.GetStringAsync(page)) };
        return await client.PostAsync(action, new FormUrlEncodedContent(form));
    }

    /// <summary>The anti-forgery token of the first form on a page.</summary>
    public static string Token(string html) =>
        TokenField().Match(html) is { Success: true } match ? match.Groups[1].Value : throw new AssertionException("the page has no anti-forgery token");

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
