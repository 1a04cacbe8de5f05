using CrmStateSync.Crm.Contract;

namespace CrmStateSync.Crm.Schema;

/// <summary>Describes the objects the expected fields live on, through the connector.</summary>
public static class SchemaDescriber
{
    /// <summary>
    /// One describe per object; an object the CRM does not know (HTTP 404: a usage object never created) comes back
    /// null, so the check reports its fields as missing. Any other refusal (auth, access, outage) is rethrown with the
    /// CRM's code.
    /// </summary>
    public static async Task<IReadOnlyDictionary<CrmObject, CrmObjectDescription?>> DescribeAsync(ICrmConnector crm, IEnumerable<ExpectedField> expected, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(crm);
        var described = new Dictionary<CrmObject, CrmObjectDescription?>();
        foreach (var kind in expected.Select(e => e.Kind).Distinct())
        {
            try
            {
                described[kind] = await crm.DescribeAsync(kind, cancellationToken).ConfigureAwait(false);
            }
            catch (CrmException ex) when (ex.HttpStatus == 404 && ex is not CrmAuthenticationException)
            {
                described[kind] = null;
            }
        }

        return described;
    }

    /// <summary>Describes and checks: the whole schema check against a live org.</summary>
    public static async Task<SchemaReport> CheckAsync(ICrmConnector crm, IReadOnlyList<ExpectedField> expected, CancellationToken cancellationToken) =>
        SchemaChecker.Check(expected, await DescribeAsync(crm, expected, cancellationToken).ConfigureAwait(false));
}
