namespace CrmStateSync.Crm.Salesforce.Auth;

/// <summary>An access token and the instance it is valid for (<c>instance_url</c>, the API base).</summary>
/// <param name="AccessToken">The bearer token.</param>
/// <param name="InstanceUrl">The org's API base.</param>
/// <param name="Generation">Counts the tokens obtained; a query locator of an older generation is stale.</param>
internal sealed record SalesforceToken(string AccessToken, Uri InstanceUrl, int Generation);

/// <summary>
/// The session changed while a query was being paged: its <c>nextRecordsUrl</c> belongs to the old session and the
/// query must be restarted from the cursor.
/// </summary>
internal sealed class SessionRenewedException() : Exception("The Salesforce session was renewed; restart the query from the cursor");
