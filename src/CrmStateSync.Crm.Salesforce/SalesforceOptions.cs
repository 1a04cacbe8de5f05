using CrmStateSync.Crm.Http;
using CrmStateSync.Crm.Mapping;

namespace CrmStateSync.Crm.Salesforce;

/// <summary>How the worker obtains its access token (crm-apis.md "Auth"). The username-password flow is not offered.</summary>
public enum SalesforceAuthFlow
{
    /// <summary><c>client_credentials</c>: the connected app runs as its integration user. The default.</summary>
    ClientCredentials,

    /// <summary>JWT bearer: an RS256 assertion signed with the app's private key, for <see cref="SalesforceOptions.Username"/>.</summary>
    JwtBearer,

    /// <summary>A refresh token issued when an admin authorised the app.</summary>
    RefreshToken,
}

/// <summary>The Salesforce connector's settings (<c>Crm:Salesforce</c>).</summary>
public sealed class SalesforceOptions
{
    public const string Section = "Crm:Salesforce";

    /// <summary>The login or My Domain URL the token is requested from. Default <c>https://login.salesforce.com</c>.</summary>
    public Uri LoginUrl { get; set; } = new("https://login.salesforce.com");

    /// <summary>The REST API version, <c>vNN.N</c>. Default <c>v66.0</c>.</summary>
    public string ApiVersion { get; set; } = "v66.0";

    /// <summary>The OAuth flow. Default <see cref="SalesforceAuthFlow.ClientCredentials"/>.</summary>
    public SalesforceAuthFlow AuthFlow { get; set; } = SalesforceAuthFlow.ClientCredentials;

    /// <summary>The connected app's consumer key.</summary>
    public string? ClientId { get; set; }

    /// <summary>The connected app's consumer secret (client credentials; optional for refresh token).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The user the JWT bearer flow runs as.</summary>
    public string? Username { get; set; }

    /// <summary>A PEM file holding the RSA private key that signs JWT assertions.</summary>
    public string? PrivateKeyPath { get; set; }

    /// <summary>The refresh token (refresh token flow).</summary>
    public string? RefreshToken { get; set; }

    /// <summary>The page size asked for with <c>Sforce-Query-Options: batchSize=N</c> (200–2,000; a hint only). Default 2,000.</summary>
    public int PageSize { get; set; } = 2000;

    /// <summary>Incremental reads start this long before the cursor, for late commits. Default 2 min.</summary>
    public TimeSpan Overlap { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// A first read or a reconciliation read of an object with more rows than this (counted first with a
    /// <c>SELECT COUNT()</c> query) goes through a Bulk API 2.0 query job instead of REST query pages; incremental reads
    /// always use REST. 0 turns the Bulk path (and the count) off. Default 50,000.
    /// </summary>
    public int BulkThreshold { get; set; } = 50_000;

    /// <summary>How long a Bulk API 2.0 query job may take to complete before it is aborted and the cycle ends. Default 30 min.</summary>
    public TimeSpan BulkMaxWait { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The first wait between polls of a query job's state; each next wait doubles, up to 30 s. Default 2 s.</summary>
    public TimeSpan BulkPollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Rows asked for per result set of a query job (<c>maxRecords</c>; the body is streamed, never held). Default 50,000.</summary>
    public int BulkPageSize { get; set; } = 50_000;

    /// <summary>Writes — field updates and task creates alike — stop for the cycle once the org's daily API usage reaches this share of its limit. Default 0.5.</summary>
    public double WriteBudgetShare { get; set; } = 0.5;

    /// <summary>
    /// Retries, timeouts and circuit breaker (<c>Crm:Salesforce:Resilience</c>). The shared defaults, except a 60 s breaker
    /// sampling window: the shared 30 s default fails its own rule of twice the 30 s attempt timeout.
    /// </summary>
    public CrmResilienceOptions Resilience { get; set; } = new() { BreakerSamplingDuration = TimeSpan.FromMinutes(1) };

    /// <summary>Canonical field ↔ Salesforce field. Default <see cref="DefaultMappings.Salesforce"/>.</summary>
    public FieldMappingOptions Mapping { get; set; } = DefaultMappings.Salesforce();

    /// <summary>Every problem with these settings, each with its key; secret values are never included.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!LoginUrl.IsAbsoluteUri || (LoginUrl.Scheme != Uri.UriSchemeHttps && !LoginUrl.IsLoopback))
        {
            problems.Add($"{Section}:LoginUrl: must be an absolute https URL (was '{LoginUrl}')");
        }

        if (!System.Text.RegularExpressions.Regex.IsMatch(ApiVersion ?? "", @"^v\d{2,3}\.\d$"))
        {
            problems.Add($"{Section}:ApiVersion: must look like v66.0 (was '{ApiVersion}')");
        }

        problems.AddRange(CredentialProblems());
        if (PageSize is < 200 or > 2000)
        {
            problems.Add($"{Section}:PageSize: must be between 200 and 2000 (was {PageSize})");
        }

        if (Overlap < TimeSpan.Zero || Overlap > TimeSpan.FromHours(1))
        {
            problems.Add($"{Section}:Overlap: must be between 0 and 1 hour (was {Overlap})");
        }

        if (WriteBudgetShare is <= 0 or > 1 || double.IsNaN(WriteBudgetShare))
        {
            problems.Add($"{Section}:WriteBudgetShare: must be above 0 and at most 1 (was {WriteBudgetShare})");
        }

        problems.AddRange(BulkProblems());
        problems.AddRange(Resilience.Validate(Section + ":Resilience"));
        problems.AddRange(MappingProblems());
        return problems;
    }

    private IEnumerable<string> CredentialProblems()
    {
        if (string.IsNullOrWhiteSpace(ClientId))
        {
            yield return $"{Section}:ClientId: is required (the connected app's consumer key)";
        }

        switch (AuthFlow)
        {
            case SalesforceAuthFlow.ClientCredentials when string.IsNullOrWhiteSpace(ClientSecret):
                yield return $"{Section}:ClientSecret: is required for the ClientCredentials flow";
                break;
            case SalesforceAuthFlow.JwtBearer:
                if (string.IsNullOrWhiteSpace(Username))
                {
                    yield return $"{Section}:Username: is required for the JwtBearer flow";
                }

                if (string.IsNullOrWhiteSpace(PrivateKeyPath) || !File.Exists(PrivateKeyPath))
                {
                    yield return $"{Section}:PrivateKeyPath: must name an existing PEM file for the JwtBearer flow (was '{PrivateKeyPath}')";
                }

                break;
            case SalesforceAuthFlow.RefreshToken when string.IsNullOrWhiteSpace(RefreshToken):
                yield return $"{Section}:RefreshToken: is required for the RefreshToken flow";
                break;
            default:
                break;
        }
    }

    private IEnumerable<string> BulkProblems()
    {
        if (BulkThreshold < 0)
        {
            yield return $"{Section}:BulkThreshold: must be 0 (off) or a number of rows (was {BulkThreshold})";
        }

        if (BulkMaxWait <= TimeSpan.Zero || BulkMaxWait > TimeSpan.FromHours(24))
        {
            yield return $"{Section}:BulkMaxWait: must be above 0 and at most 24 hours (was {BulkMaxWait})";
        }

        if (BulkPollInterval <= TimeSpan.Zero || BulkPollInterval > TimeSpan.FromMinutes(5))
        {
            yield return $"{Section}:BulkPollInterval: must be above 0 and at most 5 minutes (was {BulkPollInterval})";
        }

        if (BulkPageSize is < 1 or > 1_000_000)
        {
            yield return $"{Section}:BulkPageSize: must be between 1 and 1000000 (was {BulkPageSize})";
        }
    }

    private IEnumerable<string> MappingProblems()
    {
        foreach (var name in new[] { "Account", "Opportunity", "Contact", "Usage", "Task" })
        {
            if (!Mapping.Objects.TryGetValue(name, out var sobject) || string.IsNullOrWhiteSpace(sobject))
            {
                yield return $"{Section}:Mapping:Objects:{name}: no Salesforce object is mapped";
            }
        }

        if (!Mapping.Account.ContainsKey("id"))
        {
            yield return $"{Section}:Mapping:Account:id: must be mapped (usually Id)";
        }
    }
}
