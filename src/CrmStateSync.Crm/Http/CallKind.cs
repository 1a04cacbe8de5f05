namespace CrmStateSync.Crm.Http;

/// <summary>
/// What a CRM call is for (<c>query</c>, <c>bulk-poll</c>, <c>write</c> …), carried on the request so the call logging
/// handler can count calls by kind (<see cref="CallCounter.ByKind"/>). An adapter sets it; unset is <see cref="Other"/>.
/// </summary>
public static class CallKind
{
    public const string PropertyKey = "CrmStateSync.CallKind";

    /// <summary>A call nobody classified.</summary>
    public const string Other = "other";

    public static readonly HttpRequestOptionsKey<string> Key = new(PropertyKey);

    public static void Set(HttpRequestMessage request, string kind)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Options.Set(Key, kind);
    }

    /// <summary>The kind set on <paramref name="request"/>, or <see cref="Other"/>.</summary>
    public static string Of(HttpRequestMessage? request) =>
        request is not null && request.Options.TryGetValue(Key, out var kind) && !string.IsNullOrEmpty(kind) ? kind : Other;
}
