using System.Text;

namespace CrmStateSync.Crm.Salesforce.Reading;

/// <summary>
/// The SOQL that finds a worker-created task again by the marker in its subject:
/// <c>SELECT Id FROM Task WHERE WhatId = '…' AND IsClosed = false AND Subject LIKE '%marker%' LIMIT 1</c>.
/// <c>Subject</c>, not <c>Description</c>: a long text area cannot be filtered in SOQL.
/// </summary>
internal static class TaskSoql
{
    public static string FindOpen(string sobject, string accountId, string marker) =>
        $"SELECT Id FROM {sobject} WHERE WhatId = '{Quote(accountId)}' AND IsClosed = false AND Subject LIKE '%{Like(marker)}%' LIMIT 1";

    /// <summary>Escapes a string literal's backslashes and quotes.</summary>
    public static string Quote(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal);

    /// <summary>Also escapes LIKE's wildcards (<c>%</c>, <c>_</c>) so the marker matches only itself.</summary>
    public static string Like(string value)
    {
        var quoted = new StringBuilder(Quote(value));
        return quoted.Replace("%", "\\%").Replace("_", "\\_").ToString();
    }
}
