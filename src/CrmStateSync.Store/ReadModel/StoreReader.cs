using CrmStateSync.Store.Internal;
using Microsoft.Data.Sqlite;

namespace CrmStateSync.Store.ReadModel;

/// <summary>
/// The admin console's view of a store file: paged, indexed reads only (every statement is a SELECT and the connection
/// is <c>query_only</c>). A connection per call from the pool, so pages read while the worker writes through its own
/// <see cref="SqliteSyncStore"/> (WAL). Open the file with <see cref="SqliteSyncStore.OpenAsync"/> once first: that
/// migrates it, and the console's indexes come with the migrations.
/// </summary>
public sealed partial class StoreReader
{
    private readonly string _connectionString;

    public StoreReader(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = true,
            DefaultTimeout = 5,
        }.ToString();
    }

    /// <summary>The store file.</summary>
    public string Path { get; }

    private async Task<T> ReadAsync<T>(Func<SqliteConnection, Task<T>> read, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(ct).ConfigureAwait(false);
        // Read-write mode only so a WAL file can be opened whatever its -shm state; nothing here may change the file.
        await connection.ExecAsync("PRAGMA query_only = 1; PRAGMA busy_timeout = 5000;", null, null, ct).ConfigureAwait(false);
        return await read(connection).ConfigureAwait(false);
    }
}

/// <summary>One page of a list, newest or first-by-key first, and whether another page follows.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, bool HasMore);

/// <summary>Builds pages.</summary>
public static class Page
{
    /// <summary>Takes <paramref name="size"/> of the rows read with a limit of size + 1 (the extra row only says "more").</summary>
    public static Page<T> Of<T>(List<T> rows, int size) =>
        rows.Count > size ? new Page<T>(rows.GetRange(0, size), true) : new Page<T>(rows, false);
}
