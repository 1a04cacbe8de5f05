using System.Text.Json;
using CrmStateSync.Crm.HubSpot.Api;

namespace CrmStateSync.Crm.HubSpot.Http;

/// <summary>Reads HubSpot's error body leniently: a body that is not the documented shape gives null, not an exception.</summary>
internal static class HubSpotErrors
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static async Task<HubSpotError?> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return Parse(text);
    }

    public static HubSpotError? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<HubSpotError>(text, Json);
        }
        catch (JsonException)
        {
            return new HubSpotError { Message = text.Length > 300 ? text[..300] : text };
        }
    }

    /// <summary>"CATEGORY: message" for exception texts.</summary>
    public static string Describe(HubSpotError? error) =>
        error is null ? "no error body" : $"{error.Category ?? error.Status ?? "ERROR"}: {error.Message ?? "no message"}";
}
