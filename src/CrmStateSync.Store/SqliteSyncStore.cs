using CrmStateSync.Store.Schema;
using Microsoft.Data.Sqlite;

namespace CrmStateSync.Store;

/// <summary>
/// The worker's only local state, one SQLite file per org: cursors, the input cache, last-written values, transition
/// history, the conflict log, the write journal, intervention tasks and runs. WAL mode, foreign keys on, a versioned
/// schema migrated forward on open. One connection per instance; calls are serialised, so an instance is safe to share.
/// Other processes (a report, an admin command) may open the same file: WAL lets them read while this one writes.
/// </summary>
public sealed partial class SqliteSyncStore : IDisposable, IAsyncDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly TimeProvider _time;
    private readonly SyncStoreOptions _options;

    private SqliteSyncStore(SqliteConnection connection, SyncStoreOptions options, TimeProvider time, string orgId, string provider)
    {
        (_connection, _options, _time, OrgId, Provider) = (connection, options, time, orgId, provider);
    }

    /// <summary>The org the file belongs to.</summary>
    public string OrgId { get; }

    /// <summary>The CRM provider (<c>salesforce</c>, <c>hubspot</c>) the file belongs to.</summary>
    public string Provider { get; }

    /// <summary>The schema version this build writes (the file's version after open).</summary>
    public static int SchemaVersion => Migration.Latest;

    /// <summary>
    /// Creates or opens the store file and migrates it forward. Throws <see cref="StoreMismatchException"/> when the file
    /// has a newer schema version or belongs to another org or provider. Opening an up-to-date file changes nothing.
    /// </summary>
    public static async Task<SqliteSyncStore> OpenAsync(
        string path, string orgId, string provider, SyncStoreOptions? options = null, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentException.ThrowIfNullOrWhiteSpace(orgId);
        ArgumentException.ThrowIfNullOrWhiteSpace(provider);
        options ??= new SyncStoreOptions();
        var problems = options.Problems();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        time ??= TimeProvider.System;
        SqliteConnection connection;
        try
        {
            connection = await ConnectAsync(path, options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (StoreUnusableException.IsStoreProblem(ex))
        {
            throw StoreUnusableException.For(path, ex);
        }

        try
        {
            await Migrator.MigrateAsync(connection, new StoreIdentity(Migration.Latest, orgId, provider), time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            return new SqliteSyncStore(connection, options, time, orgId, provider);
        }
        catch (Exception ex)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            if (StoreUnusableException.IsStoreProblem(ex))
            {
                throw StoreUnusableException.For(path, ex);
            }

            throw;
        }
    }

    private static async Task<SqliteConnection> ConnectAsync(string path, SyncStoreOptions options, CancellationToken ct)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            ForeignKeys = true,
            DefaultTimeout = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds),
        };
        var connection = new SqliteConnection(builder.ToString());
        await connection.OpenAsync(ct).ConfigureAwait(false);
        using var pragma = connection.CreateCommand();
        pragma.CommandText = $"PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = {(long)options.BusyTimeout.TotalMilliseconds};";
        await pragma.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        return connection;
    }

    public void Dispose()
    {
        _connection.Dispose();
        _gate.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync().ConfigureAwait(false);
        _gate.Dispose();
    }

    private string Now() => Internal.Iso.Instant(_time.GetUtcNow());

    /// <summary>Runs one piece of work on the connection, alone.</summary>
    private async Task<T> UseAsync<T>(Func<SqliteConnection, Task<T>> work, CancellationToken ct)
    {
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            return await work(_connection).ConfigureAwait(false);
        }
        catch (SqliteException ex) when (StoreUnusableException.IsFileProblem(ex))
        {
            // A damaged page, a full disk, a file made read-only: the store's problem, not this statement's.
            throw StoreUnusableException.For(_connection.DataSource, ex);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Runs one piece of work in a write transaction (<c>BEGIN IMMEDIATE</c>): all of it or none.</summary>
    private Task<T> InTransactionAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> work, CancellationToken ct) =>
        UseAsync(
            async connection =>
            {
                using var tx = connection.BeginTransaction();
                var result = await work(connection, tx).ConfigureAwait(false);
                tx.Commit();
                return result;
            },
            ct);
}
