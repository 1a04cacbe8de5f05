using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using CrmStateSync.AdminConsole;
using CrmStateSync.AdminConsole.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CrmStateSync.Benchmarks.ConsolePages;

/// <summary>
/// <c>console-pages --db FILE [--requests N] [--warmup N] [--routes FILE]</c>: serves the real console
/// (<see cref="ConsoleServer.Build"/>, Kestrel on a free loopback port) over a store, signs in through the form, then asks
/// each route of the list N times one after another and prints the first answer's time, p50 / p95 / max milliseconds
/// (the whole answer read) and the answer's size. A route answering 404 is "not present" — a page not built yet — and the run goes on.
/// </summary>
internal static partial class ConsolePageRun
{
    private const string User = "bench";
    private const string Password = "bench-password-1234";
    private const string Usage = "usage: console-pages --db FILE [--requests N (20)] [--warmup N (3)] [--routes FILE (console-routes.txt)]";

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var (db, requests, warmup, routesFile) = ((string?)null, 20, 3, Path.Combine(AppContext.BaseDirectory, "console-routes.txt"));
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            switch (args[i])
            {
                case "--db": db = args[i + 1]; break;
                case "--requests": requests = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--warmup": warmup = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--routes": routesFile = args[i + 1]; break;
                default: await Console.Error.WriteLineAsync(Usage); return 2;
            }
        }

        if (db is null || !File.Exists(db) || args.Count % 2 != 0 || requests < 1 || warmup < 0)
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        var values = ConsoleRouteValues.Read(db);
        var routes = File.ReadLines(routesFile).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        await using var app = ConsoleServer.Build(Site(db));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri(address) };
        await SignInAsync(client);
        Console.WriteLine($"store: {db}, {new FileInfo(db).Length / 1_048_576.0:F0} MB; {requests} requests a route after {warmup} warm-up, one at a time");
        Console.WriteLine(string.Join(", ", values.Select(v => $"{{{v.Key}}} = {v.Value}")));
        Console.WriteLine();
        Console.WriteLine("| route | status | first ms | p50 ms | p95 ms | max ms | bytes |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var route in routes)
        {
            Console.WriteLine(await TimeRouteAsync(client, route, ConsoleRouteValues.Fill(route, values), requests, warmup));
        }

        await app.StopAsync();
        return 0;
    }

    private static ConsoleSite Site(string db)
    {
        var options = new ConsoleOptions
        {
            Url = "http://127.0.0.1:0",
            Users = { [User] = new ConsoleUserOptions { Role = ConsoleRoles.Admin, PasswordHash = PasswordHashes.Hash(Password) } },
        };
        return new ConsoleSite(options, db, ConsoleStoreGenerator.OrgId, ConsoleStoreGenerator.Provider,
            new ConsoleStoreGenerator.FixedTime(ConsoleStoreGenerator.Now), NullLoggerFactory.Instance);
    }

    /// <summary>Signs in as a browser does: the form's anti-forgery token, then the POST; the session cookie stays in the jar.</summary>
    private static async Task SignInAsync(HttpClient client)
    {
        var form = await client.GetStringAsync(new Uri("/signin", UriKind.Relative));
        var token = TokenField().Match(form) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException("the sign-in page has no anti-forgery token");
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["user"] = User, ["password"] = Password, ["returnUrl"] = "/",
        });
        using var answer = await client.PostAsync(new Uri("/signin", UriKind.Relative), content);
        if (answer.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"signing in answered {(int)answer.StatusCode}, not a redirect");
        }
    }

    private static async Task<string> TimeRouteAsync(HttpClient client, string route, string url, int requests, int warmup)
    {
        // The first answer is timed apart: it includes the route's JIT and cold caches, which a warm console never pays again.
        var first = Stopwatch.StartNew();
        var (status, bytes) = await GetAsync(client, url);
        var firstMs = first.Elapsed.TotalMilliseconds;
        if (status == HttpStatusCode.NotFound)
        {
            return $"| `{route}` | not present | | | | | |";
        }

        for (var n = 1; n < warmup; n++)
        {
            await GetAsync(client, url);
        }

        var times = new double[requests];
        for (var n = 0; n < requests; n++)
        {
            var clock = Stopwatch.StartNew();
            (status, bytes) = await GetAsync(client, url);
            times[n] = clock.Elapsed.TotalMilliseconds;
        }

        Array.Sort(times);
        return $"| `{route}` | {(int)status} | {firstMs:F1} | {Rank(times, 0.50):F1} | {Rank(times, 0.95):F1} | {times[^1]:F1} | {bytes:N0} |";
    }

    /// <summary>Nearest-rank percentile of sorted times.</summary>
    private static double Rank(double[] sorted, double p) => sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static async Task<(HttpStatusCode Status, int Bytes)> GetAsync(HttpClient client, string url)
    {
        using var answer = await client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await answer.Content.ReadAsByteArrayAsync();
        return (answer.StatusCode, body.Length);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
