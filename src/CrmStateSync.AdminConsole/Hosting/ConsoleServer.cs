using System.Reflection;
using CrmStateSync.AdminConsole.Security;
using CrmStateSync.Store.ReadModel;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CrmStateSync.AdminConsole.Hosting;

/// <summary>
/// Builds the console's web application: Razor Pages behind authentication (a password cookie session or a trusted
/// proxy's header), anti-forgery on every form, security headers on every answer, a JSON API that answers 401 rather
/// than a redirect, and its one stylesheet served from the assembly. Its own Kestrel, so the health endpoints of
/// <c>run</c> never share an address with pages that can change what the worker writes.
/// </summary>
public static class ConsoleServer
{
    public const string AdminPolicy = "admin";
    public const string CookieName = "crmstatesync.console";

    public static WebApplication Build(ConsoleSite site)
    {
        ArgumentNullException.ThrowIfNull(site);
        // The empty builder reads no appsettings or environment of its own: the worker's configuration stays the only one.
        // Its application name is this assembly, where MVC finds the compiled pages.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(ConsoleServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseKestrelCore().UseUrls(site.Url);
        builder.Logging.ClearProviders();
        AddServices(builder.Services, site);
        var app = builder.Build();
        UseConsole(app);
        return app;
    }

    private static void AddServices(IServiceCollection services, ConsoleSite site)
    {
        services.AddSingleton(site.Logging);
        services.AddSingleton(site);
        services.AddSingleton(site.Options);
        services.AddSingleton(site.Clock);
        services.AddSingleton(new StoreReader(site.StorePath));
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<Reports.ReportsCache>();
        services.AddHostedService<Reports.ReportsWarmer>();
        services.AddRouting();
        // Session cookies and anti-forgery tokens are protected with keys held in memory: nothing is written to the
        // home directory (a container's is often read-only), and a restart signs everyone out — acceptable for a console.
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        services.AddRazorPages(pages =>
        {
            pages.Conventions.AuthorizeFolder("/");
            pages.Conventions.AllowAnonymousToPage("/SignIn");
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = CookieName + ".af";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.FormFieldName = "__RequestVerificationToken";
        });
        var proxy = site.Options.Authentication == "proxy";
        services.AddAuthentication(proxy ? ProxyHeaderHandler.SchemeName : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = CookieName;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.ExpireTimeSpan = site.Options.SessionLifetime;
                o.SlidingExpiration = true;
                o.LoginPath = "/signin";
                o.LogoutPath = "/signout";
                o.AccessDeniedPath = "/denied";
                o.Events.OnRedirectToLogin = context => Refuse(context, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = context => Refuse(context, StatusCodes.Status403Forbidden);
            })
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ProxyHeaderHandler>(ProxyHeaderHandler.SchemeName, null);
        services.AddAuthorizationBuilder().AddPolicy(AdminPolicy, p => p.RequireRole(ConsoleRoles.Admin));
    }

    /// <summary>The JSON API and forms answer with a status; a page a browser asked for is sent to sign in.</summary>
    private static Task Refuse(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api") || !HttpMethods.IsGet(context.Request.Method))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    private static void UseConsole(WebApplication app)
    {
        app.Use(SecurityHeaders.AddAsync);
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/console.css", Stylesheet).AllowAnonymous();
        ConsoleApi.Map(app);
        app.MapRazorPages();
    }

    private static readonly Lazy<byte[]> StylesheetBytes = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("CrmStateSync.AdminConsole.Assets.console.css")
            ?? throw new InvalidOperationException("the console's stylesheet is not embedded");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    private static IResult Stylesheet(HttpContext context)
    {
        context.Response.Headers.CacheControl = "public, max-age=3600";
        return Results.Bytes(StylesheetBytes.Value, "text/css; charset=utf-8");
    }
}
