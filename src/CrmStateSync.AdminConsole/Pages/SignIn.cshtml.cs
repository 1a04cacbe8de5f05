using System.Security.Claims;
using CrmStateSync.AdminConsole.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Logging;

namespace CrmStateSync.AdminConsole.Pages;

/// <summary>
/// Password sign-in: the hash in the secrets is checked, a cookie session starts. A failure says only that the name or the
/// password is wrong, is logged with the user name and address (never the password), and counts against the address;
/// too many in a minute and the page answers 429 until the minute turns.
/// </summary>
public sealed partial class SignInModel(ConsoleOptions options, SignInThrottle throttle, ILogger<SignInModel> logger) : PageModel
{
    public string? Error { get; private set; }

    public string? UserName { get; private set; }

    public string ReturnUrl { get; private set; } = "/";

    public bool ProxyOnly => options.Authentication == "proxy";

    public void OnGet(string? returnUrl) => ReturnUrl = Local(returnUrl);

    public async Task<IActionResult> OnPostAsync(string? user, string? password, string? returnUrl)
    {
        ReturnUrl = Local(returnUrl);
        UserName = user;
        var address = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (ProxyOnly)
        {
            return StatusCode(StatusCodes.Status404NotFound);
        }

        if (!throttle.Allows(address))
        {
            LogThrottled(logger, address);
            Error = $"Too many failed sign-ins from your address; wait a minute and try again.";
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = ((int)SignInThrottle.Window.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Page();
        }

        var name = user?.Trim() ?? "";
        if (name.Length == 0 || password is null || !options.Users.TryGetValue(name, out var known)
            || known.PasswordHash is not { } hash || !PasswordHashes.Verify(hash, password))
        {
            throttle.Failed(address);
            LogFailed(logger, name, address);
            Error = "The user name or the password is wrong.";
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, options.Users.Keys.First(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase))), new Claim(ClaimTypes.Role, known.Role)],
            CookieAuthenticationDefaults.AuthenticationScheme);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity)).ConfigureAwait(false);
        LogSignedIn(logger, name, known.Role, address);
        return LocalRedirect(ReturnUrl);
    }

    /// <summary>Only a path on this console: an absolute return address would make the sign-in page an open redirect.</summary>
    private string Local(string? returnUrl) => returnUrl is { Length: > 0 } && Url.IsLocalUrl(returnUrl) ? returnUrl : "/";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Console sign-in failed for user {User} from {Address}")]
    private static partial void LogFailed(ILogger logger, string user, string address);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Console sign-in refused from {Address}: too many failed sign-ins this minute")]
    private static partial void LogThrottled(ILogger logger, string address);

    [LoggerMessage(Level = LogLevel.Information, Message = "Console sign-in: {User} ({Role}) from {Address}")]
    private static partial void LogSignedIn(ILogger logger, string user, string role, string address);
}
