using System.Globalization;
using CrmStateSync.Crm.Http;
using Serilog.Core;
using Serilog.Events;

namespace CrmStateSync.Logging;

/// <summary>
/// Keeps secrets out of every log event, at every level and in every sink (sync.md "Secrets never reach a log"): a
/// property named like a credential (<c>Authorization</c>, <c>Cookie</c>, <c>…Token</c>, <c>…Secret</c>, <c>…Key</c>
/// …) is masked outright, wherever it sits — the HttpClient's trace events carry each request header as a property of
/// its own — and every other text value, nested ones included, goes through <see cref="Redactor"/>.
/// </summary>
internal sealed class SecretRedaction : ILogEventEnricher
{
    private static readonly ScalarValue Masked = new("***");
    private static readonly string[] SecretWords = ["authorization", "cookie", "token", "secret", "password", "apikey", "api-key", "api_key", "privatekey", "private_key", "assertion"];

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        foreach (var (name, value) in logEvent.Properties.ToList())
        {
            var redacted = IsSecretName(name) ? Masked : Redact(value);
            if (!ReferenceEquals(redacted, value))
            {
                logEvent.AddOrUpdateProperty(new LogEventProperty(name, redacted));
            }
        }
    }

    /// <summary>A name that says its value is a credential (case and separators ignored).</summary>
    internal static bool IsSecretName(string? name) =>
        name is not null && SecretWords.Any(word => name.Contains(word, StringComparison.OrdinalIgnoreCase));

    private static LogEventPropertyValue Redact(LogEventPropertyValue value) => value switch
    {
        ScalarValue scalar => RedactScalar(scalar),
        SequenceValue sequence => new SequenceValue(sequence.Elements.Select(Redact)),
        StructureValue structure => new StructureValue(structure.Properties.Select(p => new LogEventProperty(p.Name, IsSecretName(p.Name) ? Masked : Redact(p.Value))), structure.TypeTag),
        DictionaryValue dictionary => new DictionaryValue(dictionary.Elements.Select(e =>
            KeyValuePair.Create(e.Key, IsSecretName(e.Key.Value as string) ? Masked : Redact(e.Value)))),
        _ => value,
    };

    /// <summary>Numbers, dates and the like stay as they are; anything rendered as text (strings, URIs, objects) is redacted.</summary>
    private static ScalarValue RedactScalar(ScalarValue scalar)
    {
        if (scalar.Value is null or bool or char or Enum or DateTime or DateTimeOffset or TimeSpan or Guid or DateOnly or TimeOnly || scalar.Value.GetType().IsPrimitive || scalar.Value is decimal)
        {
            return scalar;
        }

        var text = Convert.ToString(scalar.Value, CultureInfo.InvariantCulture);
        var redacted = Redactor.Redact(text);
        return redacted == text ? scalar : new ScalarValue(redacted);
    }
}
