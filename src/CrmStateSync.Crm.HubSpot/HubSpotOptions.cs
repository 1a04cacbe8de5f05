using CrmStateSync.Crm.Http;
using CrmStateSync.Crm.Mapping;

namespace CrmStateSync.Crm.HubSpot;

/// <summary>The HubSpot connection (<c>Crm:HubSpot</c>). The access token comes from the environment or a secrets file.</summary>
public sealed class HubSpotOptions
{
    public const string Section = "Crm:HubSpot";

    /// <summary>The API root. Default <c>https://api.hubapi.com</c> (the sandbox and tests replace it).</summary>
    public Uri BaseUrl { get; set; } = new("https://api.hubapi.com");

    /// <summary>The object path prefix, the one place it lives. Default <c>/crm/v3/objects</c>; e.g. <c>/crm/objects/2026-03</c>.</summary>
    public string ApiPathPrefix { get; set; } = "/crm/v3/objects";

    /// <summary>The v4 associations prefix. Default <c>/crm/v4/associations</c>.</summary>
    public string AssociationsPrefix { get; set; } = "/crm/v4/associations";

    /// <summary>The properties prefix. Default <c>/crm/v3/properties</c>.</summary>
    public string PropertiesPrefix { get; set; } = "/crm/v3/properties";

    /// <summary>Private-app token or service key (sent as a bearer token, never logged). Required.</summary>
    public string? AccessToken { get; set; }

    /// <summary>Results per search page, at most 200 (list pages are capped at 100). Default 200.</summary>
    public int SearchPageSize { get; set; } = 200;

    /// <summary>Results one search query may reach before its window is split; HubSpot refuses past 10,000. Default 10,000.</summary>
    public int SearchWindowCap { get; set; } = 10_000;

    /// <summary>How far before the cursor a read starts, for the search index's lag. Default 5 minutes.</summary>
    public TimeSpan LookBack { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The app's budget per rolling 10 seconds (100 Free/Starter, 190 Professional/Enterprise). Default 100.</summary>
    public int RequestsPer10Seconds { get; set; } = 100;

    /// <summary>
    /// Search requests (<c>POST …/search</c>) per second, paced on the client: HubSpot limits search apart, to about 5 per
    /// second per account, answering 429 <c>SECONDLY</c> past it. Searches also count in <see cref="RequestsPer10Seconds"/>.
    /// Default 4 (one below HubSpot's limit, for other integrations of the account and clock skew).
    /// </summary>
    public int SearchRequestsPerSecond { get; set; } = 4;

    /// <summary>The account's daily budget (250,000 / 625,000 / 1,000,000 by tier). Default 250,000.</summary>
    public long DailyLimit { get; set; } = 250_000;

    /// <summary>
    /// Writes — batch updates and task creates alike — stop for the cycle once the portal's daily API use reaches this
    /// share of its daily limit, leaving the rest to the portal's other integrations. Reads go on. Default 0.5.
    /// </summary>
    public double WriteBudgetShare { get; set; } = 0.5;

    /// <summary>The <c>dealtype</c> value the org uses for renewals; null keeps the mapping's (<c>renewal</c>).</summary>
    public string? RenewalDealType { get; set; }

    /// <summary>
    /// The resilience pipeline. Default: the shared defaults with a 60 s breaker sampling window (the shared default
    /// of 30 s fails the shared rule "at least twice AttemptTimeout").
    /// </summary>
    public CrmResilienceOptions Resilience { get; set; } = new() { BreakerSamplingDuration = TimeSpan.FromSeconds(60) };

    public FieldMappingOptions Mapping { get; set; } = DefaultMappings.HubSpot();

    /// <summary>Test seam: the length of the rate limiter's window (10 s in production).</summary>
    internal TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Test seam: the length of the search limiter's window (1 s in production).</summary>
    internal TimeSpan SearchRateLimitWindow { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Test seam: false lets a test replenish the limiter by hand instead of by the clock.</summary>
    internal bool RateLimitAutoReplenish { get; set; } = true;

    /// <summary>Every problem with these settings, each with its key; the token's value is never printed.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!BaseUrl.IsAbsoluteUri || (BaseUrl.Scheme != Uri.UriSchemeHttps && BaseUrl.Scheme != Uri.UriSchemeHttp))
        {
            problems.Add($"{Section}:BaseUrl: must be an absolute http(s) URL (was '{BaseUrl}')");
        }

        Prefix(problems, nameof(ApiPathPrefix), ApiPathPrefix);
        Prefix(problems, nameof(AssociationsPrefix), AssociationsPrefix);
        Prefix(problems, nameof(PropertiesPrefix), PropertiesPrefix);
        if (string.IsNullOrWhiteSpace(AccessToken))
        {
            problems.Add($"{Section}:AccessToken: is required (a private-app token or service key, from the environment or a secrets file)");
        }

        ValidateBudgets(problems);
        foreach (var kind in (string[])["Account", "Opportunity", "Contact", "Usage", "Task"])
        {
            if (!Mapping.Objects.TryGetValue(kind, out var name) || string.IsNullOrWhiteSpace(name))
            {
                problems.Add($"{Section}:Mapping:Objects:{kind}: is required");
            }
        }

        problems.AddRange(Resilience.Validate(Section + ":Resilience"));
        return problems;
    }

    private void ValidateBudgets(List<string> problems)
    {
        Range(problems, nameof(SearchPageSize), SearchPageSize, 1, 200);
        Range(problems, nameof(SearchWindowCap), SearchWindowCap, SearchPageSize, 10_000);
        Range(problems, nameof(RequestsPer10Seconds), RequestsPer10Seconds, 1, 1_000);
        Range(problems, nameof(SearchRequestsPerSecond), SearchRequestsPerSecond, 1, 100);
        Range(problems, nameof(DailyLimit), DailyLimit, 1, 100_000_000);
        if (WriteBudgetShare is <= 0 or > 1 || double.IsNaN(WriteBudgetShare))
        {
            problems.Add($"{Section}:WriteBudgetShare: must be above 0 and at most 1 (was {WriteBudgetShare})");
        }

        if (LookBack < TimeSpan.Zero || LookBack > TimeSpan.FromDays(1))
        {
            problems.Add($"{Section}:LookBack: must be between 0 and 1 day (was {LookBack})");
        }

        if (RenewalDealType is not null && string.IsNullOrWhiteSpace(RenewalDealType))
        {
            problems.Add($"{Section}:RenewalDealType: must not be blank when set");
        }
    }

    private static void Prefix(List<string> problems, string key, string value)
    {
        if (string.IsNullOrWhiteSpace(value) || !value.StartsWith('/') || value.EndsWith('/') || value.Contains('?', StringComparison.Ordinal))
        {
            problems.Add($"{Section}:{key}: must start with '/', not end with '/', and have no query (was '{value}')");
        }
    }

    private static void Range(List<string> problems, string key, long value, long min, long max)
    {
        if (value < min || value > max)
        {
            problems.Add($"{Section}:{key}: must be between {min} and {max} (was {value})");
        }
    }
}
