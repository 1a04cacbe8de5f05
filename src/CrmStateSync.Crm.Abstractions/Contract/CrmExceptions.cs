using CrmStateSync.Crm.Http;

namespace CrmStateSync.Crm.Contract;

/// <summary>
/// A CRM call failed in a way that ends the cycle. Keeps the CRM's code and message; never a secret (messages pass
/// through <see cref="Redactor"/>).
/// </summary>
public class CrmException : Exception
{
    public CrmException()
    {
    }

    public CrmException(string message)
        : base(Redactor.Redact(message))
    {
    }

    public CrmException(string message, Exception innerException)
        : base(Redactor.Redact(message), innerException)
    {
    }

    public CrmException(string message, string? crmCode, int? httpStatus, Exception? innerException = null)
        : base(Redactor.Redact(message), innerException)
    {
        CrmCode = crmCode;
        HttpStatus = httpStatus;
    }

    /// <summary>The CRM's error code (<c>INVALID_SESSION_ID</c>, <c>invalid_grant</c>, <c>RATE_LIMITS</c> …).</summary>
    public string? CrmCode { get; }

    public int? HttpStatus { get; }
}

/// <summary>The CRM refused the credentials. <see cref="Credential"/> names which one (never its value).</summary>
public sealed class CrmAuthenticationException(string credential, string message, string? crmCode, int? httpStatus)
    : CrmException(message, crmCode, httpStatus)
{
    /// <summary>The configuration key of the credential, e.g. <c>Crm:Salesforce:ClientSecret</c>.</summary>
    public string Credential { get; } = credential;
}

/// <summary>The CRM could not be reached, or the circuit is open after a sustained outage: the next cycle resumes.</summary>
public sealed class CrmUnavailableException(string message, Exception? innerException = null, string? crmCode = null, int? httpStatus = null)
    : CrmException(message, crmCode, httpStatus, innerException);

/// <summary>The org's API budget is spent (Salesforce <c>REQUEST_LIMIT_EXCEEDED</c>, or the configured share reached):
/// end the cycle cleanly, do not retry.</summary>
public sealed class CrmBudgetExhaustedException(string message, string? crmCode, int? httpStatus)
    : CrmException(message, crmCode, httpStatus);
