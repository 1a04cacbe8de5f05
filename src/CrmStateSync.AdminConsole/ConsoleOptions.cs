namespace CrmStateSync.AdminConsole;

/// <summary>
/// The admin console (<c>Worker:Console</c>): where it listens and who may sign in. Off in <c>run</c> until
/// <see cref="Url"/> is set; the <c>console</c> command serves on <see cref="DefaultUrl"/> unless told otherwise.
/// </summary>
public sealed class ConsoleOptions
{
    public const string Section = "Worker:Console";

    /// <summary>Loopback only: the console can change what the worker writes, so reaching it from elsewhere is a choice.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>Where the console listens, e.g. <c>http://127.0.0.1:5080</c>. Null = no console in <c>run</c>.</summary>
    public string? Url { get; set; }

    /// <summary>
    /// <c>password</c> (default): users sign in with a password whose hash is in the secrets; <c>proxy</c>: a reverse proxy
    /// that has signed the user in (oauth2-proxy and the like) names them in <see cref="ProxyHeader"/>.
    /// </summary>
    public string Authentication { get; set; } = "password";

    /// <summary>Who may use the console, by name: each with a role (<c>admin</c> or <c>viewer</c>) and, for password
    /// sign-in, the hash of their password (<c>console hash-password</c>) — in the secrets file, never in appsettings.</summary>
    public Dictionary<string, ConsoleUserOptions> Users { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The header the proxy names the signed-in user in. Default <c>X-Forwarded-User</c>.</summary>
    public string ProxyHeader { get; set; } = "X-Forwarded-User";

    /// <summary>The addresses of the proxies whose <see cref="ProxyHeader"/> is believed; from any other the header is ignored.</summary>
    public string[] TrustedProxies { get; set; } = [];

    /// <summary>The role of a proxy-signed-in user not named in <see cref="Users"/>: <c>viewer</c> (default) or <c>none</c> (refused).</summary>
    public string ProxyDefaultRole { get; set; } = ConsoleRoles.Viewer;

    /// <summary>Failed sign-ins allowed per client address per minute before the sign-in page answers 429. Default 5.</summary>
    public int SignInAttemptsPerMinute { get; set; } = 5;

    /// <summary>How long a signed-in session lasts without use. Default 8 hours.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>
    /// The address of an account in the CRM, with <c>{id}</c> for its id, e.g.
    /// <c>https://acme.lightning.force.com/lightning/r/Account/{id}/view</c>. Default for HubSpot:
    /// <c>https://app.hubspot.com/contacts/{OrgId}/company/{id}</c>; for Salesforce none (the org's domain is not known).
    /// </summary>
    public string? RecordUrl { get; set; }

    /// <summary>Every problem of these options, each with its key.</summary>
    public IEnumerable<string> Validate()
    {
        if (Url is { Length: > 0 } && (!Uri.TryCreate(Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Port <= 0))
        {
            yield return $"{Section}:Url: '{Url}' is not an http(s) address with a port, e.g. {DefaultUrl}";
        }

        if (Authentication is not ("password" or "proxy"))
        {
            yield return $"{Section}:Authentication: '{Authentication}' is not password or proxy";
        }

        foreach (var (name, user) in Users)
        {
            if (user.Role is not (ConsoleRoles.Admin or ConsoleRoles.Viewer))
            {
                yield return $"{Section}:Users:{name}:Role: '{user.Role}' is not admin or viewer";
            }

            if (Authentication == "password" && !PasswordHashes.LooksLikeHash(user.PasswordHash))
            {
                yield return $"{Section}:Users:{name}:PasswordHash: required for password sign-in, as printed by `crmstatesync console hash-password` (put it in the secrets file)";
            }
        }

        if (Authentication == "password" && Users.Count == 0)
        {
            yield return $"{Section}:Users: no user can sign in; add one with a role and a PasswordHash (crmstatesync console hash-password), or set {Section}:Authentication to proxy";
        }

        if (Authentication == "proxy")
        {
            if (string.IsNullOrWhiteSpace(ProxyHeader))
            {
                yield return $"{Section}:ProxyHeader: required for proxy sign-in";
            }

            if (TrustedProxies.Length == 0)
            {
                yield return $"{Section}:TrustedProxies: required for proxy sign-in (the addresses of the proxies whose {ProxyHeader} is believed)";
            }

            foreach (var proxy in TrustedProxies.Where(p => !System.Net.IPAddress.TryParse(p, out _)))
            {
                yield return $"{Section}:TrustedProxies: '{proxy}' is not an IP address";
            }

            if (ProxyDefaultRole is not (ConsoleRoles.Viewer or "none"))
            {
                yield return $"{Section}:ProxyDefaultRole: '{ProxyDefaultRole}' is not viewer or none";
            }
        }

        if (SignInAttemptsPerMinute is < 1 or > 1000)
        {
            yield return $"{Section}:SignInAttemptsPerMinute: between 1 and 1000 (was {SignInAttemptsPerMinute})";
        }

        if (SessionLifetime < TimeSpan.FromMinutes(1) || SessionLifetime > TimeSpan.FromDays(7))
        {
            yield return $"{Section}:SessionLifetime: between 1 minute and 7 days (was {SessionLifetime})";
        }

        if (RecordUrl is { Length: > 0 } && !RecordUrl.Contains("{id}", StringComparison.Ordinal))
        {
            yield return $"{Section}:RecordUrl: '{RecordUrl}' has no {{id}} for the account's id";
        }
    }
}

/// <summary>One console user: a role and, for password sign-in, the hash of the password.</summary>
public sealed class ConsoleUserOptions
{
    /// <summary><c>admin</c> (may resolve conflicts) or <c>viewer</c> (reads only). Default viewer.</summary>
    public string Role { get; set; } = ConsoleRoles.Viewer;

    /// <summary>The password's hash (<c>crmstatesync console hash-password</c>): a secret, kept out of appsettings.</summary>
    public string? PasswordHash { get; set; }
}

/// <summary>The console's two roles.</summary>
public static class ConsoleRoles
{
    public const string Admin = "admin";
    public const string Viewer = "viewer";
}
