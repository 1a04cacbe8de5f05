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

    /// <summary>
    /// The org's schema does not match the field mapping (a field missing, of the wrong type, without a picklist value the
    /// rules write, or not updateable): <c>schema check</c> lists each; <c>sync</c> and <c>run</c> refuse to write.
    /// <c>schema provision</c> creates what it can.
    /// </summary>
    public const int SchemaMismatch = 7;

    /// <summary>
    /// The store file (<c>Worker:DatabasePath</c>, or <c>--database</c>) cannot be used: it is not a SQLite database, it is
    /// damaged, or it or its directory cannot be created, opened or written. The message names the file and what to do.
    /// </summary>
    public const int StoreUnusable = 8;

    /// <summary>
    /// <c>conflicts show|resolve</c>: no conflict has that id, or it is not open (resolved already, or settled by the
    /// worker's policy); nothing changed. Distinct from <see cref="InputError"/> so a script can tell "wrong id or
    /// already done" from "the store or input could not be read".
    /// </summary>
    public const int ConflictNotOpen = 9;
}
