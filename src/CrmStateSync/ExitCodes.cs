namespace CrmStateSync;

/// <summary>The process exit codes; distinct so an operator or a scheduler can tell what went wrong.</summary>
public static class ExitCodes
{
    /// <summary>Everything worked.</summary>
    public const int Success = 0;

    /// <summary>An unexpected error (a bug); the log has the details.</summary>
    public const int Unexpected = 1;

    /// <summary>The command line or configuration is invalid; every problem was listed.</summary>
    public const int ConfigurationError = 2;

    /// <summary>The CRM refused the credentials.</summary>
    public const int AuthenticationFailure = 3;

    /// <summary>The CRM could not be reached.</summary>
    public const int CrmUnreachable = 4;

    /// <summary>Some records (or input accounts) failed; the rest were processed.</summary>
    public const int PartialFailure = 5;

    /// <summary>The input file could not be read at all.</summary>
    public const int InputError = 6;
}
