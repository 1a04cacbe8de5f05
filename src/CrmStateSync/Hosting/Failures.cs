using CrmStateSync.Crm.Contract;
using CrmStateSync.Store;
using Microsoft.Extensions.Options;

namespace CrmStateSync.Hosting;

/// <summary>Maps what ended a command to its exit code and a message that helps (never a secret).</summary>
internal static class Failures
{
    public static int Report(Exception ex, TextWriter error) => ex switch
    {
        CrmAuthenticationException auth => Write(error, ExitCodes.AuthenticationFailure,
            $"authentication failed: check {auth.Credential}. The CRM answered {auth.CrmCode}: {auth.Message}"),
        CrmUnavailableException down => Write(error, ExitCodes.CrmUnreachable, $"the CRM could not be reached: {down.Message}"),
        CrmBudgetExhaustedException budget => Write(error, ExitCodes.PartialFailure, $"the org's API budget is spent ({budget.CrmCode}): {budget.Message}; the next cycle resumes"),
        StoreMismatchException mismatch => Write(error, ExitCodes.ConfigurationError, mismatch.Message),
        FileNotFoundException missing => Write(error, ExitCodes.ConfigurationError, $"the configuration file {missing.FileName} does not exist"),
        InvalidDataException invalid => Write(error, ExitCodes.ConfigurationError, $"the configuration is not valid JSON: {invalid.InnerException?.Message ?? invalid.Message}"),
        OptionsValidationException options => Write(error, ExitCodes.ConfigurationError, string.Join(Environment.NewLine, options.Failures)),
        CrmException crm => Write(error, ExitCodes.CrmUnreachable, $"the CRM refused a call ({crm.CrmCode}, HTTP {crm.HttpStatus}): {crm.Message}"),
        _ => throw ex,
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

    private static int Write(TextWriter error, int code, string message)
    {
        error.WriteLine(message);
        return code;
    }
}
