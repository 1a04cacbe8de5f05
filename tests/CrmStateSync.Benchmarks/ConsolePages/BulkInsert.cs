using Microsoft.Data.Sqlite;

namespace CrmStateSync.Benchmarks.ConsolePages;

/// <summary>
/// One prepared INSERT reused for every row of a table inside the generator's single transaction: parameters are bound by
/// position and the statement is compiled once, which is what makes a million rows a matter of seconds.
/// </summary>
internal sealed class BulkInsert : IDisposable
{
    private readonly SqliteCommand _command;
    private readonly SqliteParameter[] _parameters;

    public BulkInsert(SqliteConnection connection, SqliteTransaction transaction, string table, params string[] columns)
    {
        _command = connection.CreateCommand();
        _command.Transaction = transaction;
        _command.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
        _parameters = columns.Select((_, i) => _command.Parameters.Add(new SqliteParameter($"$p{i}", null))).ToArray();
        _command.Prepare();
    }

    /// <summary>Rows inserted so far.</summary>
    public long Count { get; private set; }

    /// <summary>Inserts one row; values in the order of the columns (null stores NULL).</summary>
    public void Row(params object?[] values)
    {
        for (var i = 0; i < _parameters.Length; i++)
        {
            _parameters[i].Value = values[i] ?? DBNull.Value;
        }

        _command.ExecuteNonQuery();
        Count++;
    }

    public void Dispose() => _command.Dispose();
}
