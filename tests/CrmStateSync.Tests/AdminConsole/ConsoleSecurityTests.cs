using System.Net;
using CrmStateSync.AdminConsole.Security;
using Microsoft.Extensions.Logging;

namespace CrmStateSync.Tests.AdminConsole;

/// <summary>
/// Issue 15's security: sign-in required (a page redirects, the JSON API answers 401), anti-forgery on every form, the
/// security headers, failed sign-ins refused without saying which half was wrong, logged without the password and
/// rate-limited per address, no open redirect, and single sign-on through a trusted proxy's header only.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class ConsoleSecurityTests
{
    [Test]
    public async Task Without_a_session_a_page_sends_the_browser_to_sign_in_and_the_api_answers_401()
    {
        await using var console = await ConsoleHarness.StartAsync();
        using var client = console.Client();

        using var page = await client.GetAsync("/");
        using var api = await client.GetAsync("/api/overview");

        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(page.Headers.Location!.PathAndQuery, Is.EqualTo("/signin?ReturnUrl=%2F"));
        Assert.That(api.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Signing_in_with_the_password_whose_hash_is_configured_opens_the_overview_and_the_api()
    {
        await using var console = await ConsoleHarness.StartAsync();
        using var client = await console.SignedInAsync(ConsoleHarness.Admin);

        var overview = await client.GetStringAsync("/");
        using var api = await client.GetAsync("/api/overview");

        Assert.That(overview, Does.Contain("<h1>Overview</h1>").And.Contain(ConsoleHarness.OrgId).And.Contain("ada (admin)"));
        Assert.That(api.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await api.Content.ReadAsStringAsync(), Does.Contain($"\"orgId\":\"{ConsoleHarness.OrgId}\""));
    }

    [Test]
    public async Task A_wrong_password_is_refused_without_saying_which_half_was_wrong_and_logged_without_the_password()
    {
        var logs = new CapturedLogs();
        using var logging = LoggerFactory.Create(b => b.AddProvider(logs));
        await using var console = await ConsoleHarness.StartAsync(logging: logging);
        using var client = console.Client();

        using var wrong = await ConsoleHarness.SignInAsync(client, ConsoleHarness.Admin, "not-the-password-42");
        using var unknown = await ConsoleHarness.SignInAsync(client, "mallory", "not-the-password-42");
        using var after = await client.GetAsync("/");

        Assert.That(wrong.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await wrong.Content.ReadAsStringAsync(), Does.Contain("The user name or the password is wrong."));
        Assert.That(await unknown.Content.ReadAsStringAsync(), Does.Contain("The user name or the password is wrong."));
        Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "no session was opened");
        Assert.That(logs.Lines, Has.Some.Contains("sign-in failed for user ada from 127.0.0.1"));
        Assert.That(logs.Lines, Has.Some.Contains("sign-in failed for user mallory"));
        Assert.That(string.Join("\n", logs.Lines), Does.Not.Contain("not-the-password-42"));
    }

    [Test]
    public async Task After_the_allowed_failures_in_a_minute_even_the_right_password_is_answered_429()
    {
        await using var console = await ConsoleHarness.StartAsync(configure: o => o.SignInAttemptsPerMinute = 3);
        using var client = console.Client();

        var failures = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var failed = await ConsoleHarness.SignInAsync(client, ConsoleHarness.Admin, "guess-" + i);
            failures.Add(failed.StatusCode);
        }

        using var throttled = await ConsoleHarness.SignInAsync(client, ConsoleHarness.Admin, ConsoleHarness.AdminPassword);

        Assert.That(failures, Is.All.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(throttled.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(throttled.Headers.RetryAfter?.Delta, Is.EqualTo(SignInThrottle.Window));
        Assert.That(await throttled.Content.ReadAsStringAsync(), Does.Contain("Too many failed sign-ins"));
    }

    [Test]
    public async Task A_post_without_the_anti_forgery_token_is_refused()
    {
        await using var console = await ConsoleHarness.StartAsync();
        using var client = console.Client();

        using var forged = await client.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["user"] = ConsoleHarness.Admin, ["password"] = ConsoleHarness.AdminPassword,
        }));
        using var after = await client.GetAsync("/");

        Assert.That(forged.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
    }

    [Test]
    public async Task Every_answer_carries_the_security_headers_and_pages_are_not_cached()
    {
        await using var console = await ConsoleHarness.StartAsync();
        using var client = await console.SignedInAsync();

        foreach (var path in new[] { "/", "/signin", "/api/overview" })
        {
            using var answer = await client.GetAsync(path);
            var headers = answer.Headers;
            Assert.That(headers.GetValues("Content-Security-Policy").Single(), Is.EqualTo(SecurityHeaders.ContentSecurityPolicy), path);
            Assert.That(SecurityHeaders.ContentSecurityPolicy, Does.Contain("default-src 'none'").And.Not.Contain("script-src"), "no script may run");
            Assert.That(headers.GetValues("X-Frame-Options").Single(), Is.EqualTo("DENY"), path);
            Assert.That(headers.GetValues("X-Content-Type-Options").Single(), Is.EqualTo("nosniff"), path);
            Assert.That(headers.GetValues("Referrer-Policy").Single(), Is.EqualTo("no-referrer"), path);
            Assert.That(headers.CacheControl?.NoStore, Is.True, path);
        }

        using var css = await client.GetAsync("/console.css");
        Assert.That(css.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/css"));
        Assert.That(await css.Content.ReadAsStringAsync(), Does.Contain("header.top"));
    }

    [Test]
    public async Task The_session_cookie_is_http_only_and_same_site_strict_and_sign_out_ends_it()
    {
        await using var console = await ConsoleHarness.StartAsync();
        using var client = console.Client();
        using var signIn = await ConsoleHarness.SignInAsync(client, ConsoleHarness.Admin, ConsoleHarness.AdminPassword);

        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("crmstatesync.console=", StringComparison.Ordinal));
        using var signOut = await ConsoleHarness.PostFormAsync(client, "/", "/signout", new Dictionary<string, string>());
        using var after = await client.GetAsync("/");

        Assert.That(cookie, Does.Contain("httponly").IgnoreCase.And.Contain("samesite=strict").IgnoreCase);
        Assert.That(signOut.Headers.Location?.OriginalString, Is.EqualTo("/signin"));
        Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
    }

    [Test]
    public async Task A_return_address_off_the_console_is_ignored_after_sign_in()
    {
        await using var console = await ConsoleHarness.StartAsync();
        using var client = console.Client();
        var token = ConsoleHarness.Token(await client.GetStringAsync("/signin"));

        using var answer = await client.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["user"] = ConsoleHarness.Admin, ["password"] = ConsoleHarness.AdminPassword,
            ["returnUrl"] = "https://evil.example/phish",
        }));

        Assert.That(answer.Headers.Location?.OriginalString, Is.EqualTo("/"));
    }

    [Test]
    public async Task A_trusted_proxy_names_the_user_and_their_role_comes_from_the_users_list()
    {
        await using var console = await ConsoleHarness.StartAsync(configure: o =>
        {
            o.Authentication = "proxy";
            o.TrustedProxies = ["127.0.0.1", "::1"];
            o.Users["grace@example.com"] = new CrmStateSync.AdminConsole.ConsoleUserOptions { Role = "admin" };
        });
        using var client = console.Client();

        using var admin = new HttpRequestMessage(HttpMethod.Get, "/");
        admin.Headers.Add("X-Forwarded-User", "grace@example.com");
        using var adminPage = await client.SendAsync(admin);
        using var other = new HttpRequestMessage(HttpMethod.Get, "/");
        other.Headers.Add("X-Forwarded-User", "henry@example.com");
        using var otherPage = await client.SendAsync(other);
        using var none = await client.GetAsync("/api/overview");

        Assert.That(await adminPage.Content.ReadAsStringAsync(), Does.Contain("grace@example.com (admin)"));
        Assert.That(await otherPage.Content.ReadAsStringAsync(), Does.Contain("henry@example.com (viewer)"), "ProxyDefaultRole");
        Assert.That(none.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task The_proxy_header_from_an_address_that_is_not_a_trusted_proxy_is_ignored()
    {
        await using var console = await ConsoleHarness.StartAsync(configure: o =>
        {
            o.Authentication = "proxy";
            o.TrustedProxies = ["10.1.2.3"];
        });
        using var client = console.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/overview");
        request.Headers.Add("X-Forwarded-User", "grace@example.com");

        using var answer = await client.SendAsync(request);

        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    /// <summary>Every log line, formatted.</summary>
    private sealed class CapturedLogs : ILoggerProvider
    {
        private readonly List<string> _lines = [];

        public IReadOnlyList<string> Lines
        {
            get
            {
                lock (_lines)
                {
                    return [.. _lines];
                }
            }
        }

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturedLogs owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                lock (owner._lines)
                {
                    owner._lines.Add(formatter(state, exception));
                }
            }
        }
    }
}
