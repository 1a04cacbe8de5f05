using System.Runtime.CompilerServices;
using CrmStateSync.Crm.Contract;
using CsvHelper;

namespace CrmStateSync.Crm.Salesforce.Reading;

/// <summary>
/// Streams the rows of a Bulk API 2.0 result set (RFC 4180 CSV, comma, header row first; a null is an empty field)
/// as field name → text, with empty fields as null. Only the reader's buffer is held, never the result set. Malformed
/// quoting is an error rather than something guessed around.
/// </summary>
internal static class CsvRows
{
    private static readonly CsvReaderOptions Options = CsvReaderOptions.Default with
    {
        Separator = ',',
        HasHeader = true,
        MalformedData = CsvMalformedDataHandling.Throw,
        IncludeValuesInExceptions = false,
        DetectSeparatorHint = false,
    };

    public static async IAsyncEnumerable<Dictionary<string, string?>> ReadAsync(Stream body, string what, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var csv = CsvReader.Create(body, Options, true);
        await using (csv.ConfigureAwait(false))
        {
            await NextAsync(async () =>
            {
                await csv.ReadHeaderAsync(cancellationToken).ConfigureAwait(false);
                return true;
            }, what).ConfigureAwait(false);
            var headers = csv.Headers;
            while (await NextAsync(() => csv.ReadAsync(cancellationToken), what).ConfigureAwait(false))
            {
                var row = new Dictionary<string, string?>(headers.Count, StringComparer.Ordinal);
                for (var i = 0; i < headers.Count; i++)
                {
                    var value = csv.GetString(i);
                    row[headers[i]] = value.Length == 0 ? null : value;
                }

                yield return row;
            }
        }
    }

    private static async Task<bool> NextAsync(Func<ValueTask<bool>> read, string what)
    {
        try
        {
            return await read().ConfigureAwait(false);
        }
        catch (CsvFormatException ex)
        {
            throw new CrmException($"Salesforce sent {what} as CSV the connector cannot read: {ex.Message}", "MALFORMED_RESPONSE", 200, ex);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
            throw new CrmUnavailableException($"Salesforce's answer with {what} broke off: {ex.Message}; the next cycle reads again", ex);
        }
    }
}
