using System.Net;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrmStateSync.AdminConsole.Security;

/// <summary>
/// Single sign-on through a reverse proxy (the oauth2-proxy pattern): the proxy has signed the user in and names them in
/// <see cref="ConsoleOptions.ProxyHeader"/>. The header is believed only from <see cref="ConsoleOptions.TrustedProxies"/>;
/// from anyone else it is ignored, as is a user with no role.
/// </summary>
internal sealed class ProxyHeaderHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemes, ILoggerFactory logging, UrlEncoder encoder, ConsoleOptions console)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemes, logging, encoder)
{
    public const string SchemeName = "proxy";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var remote = Context.Connection.RemoteIpAddress;
        if (remote is null || !console.TrustedProxies.Any(p => IPAddress.TryParse(p, out var trusted) && Same(trusted, remote)))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var name = Request.Headers[console.ProxyHeader].ToString().Trim();
        if (name.Length == 0)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var role = console.Users.TryGetValue(name, out var user) ? user.Role : console.ProxyDefaultRole;
        if (role is not (ConsoleRoles.Admin or ConsoleRoles.Viewer))
        {
            return Task.FromResult(AuthenticateResult.Fail($"{name} has no console role"));
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, role)], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.ContentType = "text/plain; charset=utf-8";
        return Response.WriteAsync("Sign in through the proxy in front of this console.");
    }

    private static bool Same(IPAddress a, IPAddress b) =>
        (a.IsIPv4MappedToIPv6 ? a.MapToIPv4() : a).Equals(b.IsIPv4MappedToIPv6 ? b.MapToIPv4() : b);
}
