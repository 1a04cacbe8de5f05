using System.Runtime.ExceptionServices;
using CrmStateSync.Configuration;
using CrmStateSync.Crm.Contract;
using CrmStateSync.Store;
using Microsoft.Extensions.Options;

namespace CrmStateSync.Hosting;

/// <summary>Maps what ended a command to its exit code and a message that helps (never a secret).</summary>
internal static class Failures
{
    /// <summary>What any command may meet whatever it does: a configuration file or the store file it cannot use.</summary>
    public static bool IsEnvironmentProblem(Exception ex) => ex is ConfigurationFileException or StoreUnusableException or StoreMismatchException;

    /// <summary>A listener could not bind because something already listens on its address (Kestrel's IOException).</summary>
    public static bool IsAddressInUse(Exception ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            if (e is Microsoft.AspNetCore.Connections.AddressInUseException or System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.AddressAlreadyInUse })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>One line naming the address, the setting that chose it and what to do; exit 2 (the setting must change).</summary>
    public static int AddressInUse(string setting, string address, string remedy, TextWriter error) =>
        Write(error, ExitCodes.ConfigurationError, $"{setting}: {address} is already in use by another process; {remedy}");

    /// <summary>
    /// Whether <paramref name="ex"/> is a failure with a known outcome (an exit code and a message that helps); anything
    /// else is a bug. Used as an exception filter (<c>catch (Exception ex) when (Failures.IsKnown(ex))</c>) so an unknown
    /// exception is never caught and rethrown: it reaches <c>Program.Run</c> with its stack whole.
    /// </summary>
    public static bool IsKnown(Exception ex) => Describe(ex) is not null;

    /// <summary>
    /// Writes the message of a known failure and returns its exit code. An unknown one is rethrown as it was, stack and all
    /// (a faulted task's inner exception reaches here outside any catch).
    /// </summary>
    public static int Report(Exception ex, TextWriter error)
    {
        if (Describe(ex) is not { } failure)
        {
            ExceptionDispatchInfo.Throw(ex);
            return ExitCodes.Unexpected; // not reached: Throw never returns
        }

        return Write(error, failure.Code, failure.Message);
    }

    /// <summary>The one map from a failure to its exit code and message; <c>null</c> for what is not a known failure.</summary>
    private static (int Code, string Message)? Describe(Exception ex) => ex switch
    {
        CrmAuthenticationException auth => (ExitCodes.AuthenticationFailure,
            $"authentication failed: check {auth.Credential}. The CRM answered {auth.CrmCode}: {auth.Message}"),
        CrmUnavailableException down => (ExitCodes.CrmUnreachable, $"the CRM could not be reached: {down.Message}"),
        CrmBudgetExhaustedException budget => (ExitCodes.PartialFailure, Resumes($"the org's API budget is spent ({budget.CrmCode}): {budget.Message}")),
        StoreMismatchException mismatch => (ExitCodes.ConfigurationError, mismatch.Message),
        StoreUnusableException unusable => (ExitCodes.StoreUnusable, unusable.Message),
        ConfigurationFileException file => (ExitCodes.ConfigurationError, file.Message),
        OptionsValidationException options => (ExitCodes.ConfigurationError, string.Join(Environment.NewLine, options.Failures)),
        CrmException crm => (ExitCodes.CrmUnreachable, $"the CRM refused a call ({Described(crm.CrmCode, crm.HttpStatus)}): {crm.Message}"),
        _ => null,
    };

    public static int Problems(IReadOnlyList<string> problems, TextWriter error)
    {
        error.WriteLine($"The configuration has {problems.Count} problem(s):");
        foreach (var p in problems)
        {
            error.WriteLine("  - " + p);
        }

        return ExitCodes.ConfigurationError;
    }

    /// <summary>The CRM's code and the HTTP status, each only when known (never <c>(, HTTP 200)</c>).</summary>
    private static string Described(string? code, int? status) =>
        string.Join(", ", new[] { code, status is { } s ? $"HTTP {s}" : null }.Where(p => !string.IsNullOrEmpty(p)).DefaultIfEmpty("no error code"));

    /// <summary>The message, saying once that the next cycle resumes (the CRM's own message may say it already).</summary>
    private static string Resumes(string message) =>
        message.Contains("resumes", StringComparison.OrdinalIgnoreCase) ? message : message + "; the next cycle resumes";

    private static int Write(TextWriter error, int code, string message)
    {
        error.WriteLine(message);
        return code;
    }
}
