namespace CrmStateSync.Sandbox;

/// <summary>The sandbox's credentials and limits. Defaults suit the demo and the tests.</summary>
public sealed record SandboxOptions
{
    /// <summary>The Salesforce connected app's consumer key. Default <c>sandbox-client</c>.</summary>
    public string SalesforceClientId { get; init; } = "sandbox-client";

    /// <summary>The consumer secret the token endpoint accepts. Default <c>sandbox-secret</c>.</summary>
    public string SalesforceClientSecret { get; init; } = "sandbox-secret";

    /// <summary>The org's daily API request limit (<c>Sforce-Limit-Info: api-usage=USED/MAX</c>); past it, 403 REQUEST_LIMIT_EXCEEDED. Default 1,000,000.</summary>
    public long SalesforceDailyApiMax { get; init; } = 1_000_000;

    /// <summary>Status polls of a Bulk API 2.0 query job that still answer <c>InProgress</c> before it is <c>JobComplete</c>. Default 1.</summary>
    public int SalesforceBulkPollsBeforeComplete { get; init; } = 1;

    /// <summary>The HubSpot private-app token (<c>Authorization: Bearer</c>). Default <c>pat-sandbox-token</c>.</summary>
    public string HubSpotToken { get; init; } = "pat-sandbox-token";

    /// <summary>Requests allowed per rolling 10 seconds (<c>X-HubSpot-RateLimit-Max</c>). Default 190 (Professional).</summary>
    public int HubSpotTenSecondLimit { get; init; } = 190;

    /// <summary>Answer 429 TEN_SECONDLY_ROLLING past <see cref="HubSpotTenSecondLimit"/> (false: only report it in headers). Default false.</summary>
    public bool HubSpotEnforceBudget { get; init; }

    /// <summary>
    /// Search requests (<c>POST …/search</c>) allowed per rolling second, HubSpot's separate search limit (crm-apis.md:
    /// about 5 per second); a search past it is 429 with <c>policyName: SECONDLY</c>. Always enforced, as HubSpot does;
    /// 0 turns it off. Default 5.
    /// </summary>
    public int HubSpotSearchesPerSecond { get; init; } = 5;

    /// <summary>The account's daily request limit (<c>X-HubSpot-RateLimit-Daily</c>). Default 625,000.</summary>
    public long HubSpotDailyLimit { get; init; } = 625_000;

    /// <summary>The loopback port to listen on; 0 picks a free one. Default 0.</summary>
    public int Port { get; init; }

    /// <summary>The sandbox's clock (change stamps, rate windows). Default the system clock.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
