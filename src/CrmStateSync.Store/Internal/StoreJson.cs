using System.Text.Json;
using System.Text.Json.Serialization;

namespace CrmStateSync.Store.Internal;

/// <summary>The JSON used for cached records: camelCase, enums by name, nulls left out.</summary>
internal static class StoreJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidDataException($"The store holds null JSON for {typeof(T).Name}.");
}
