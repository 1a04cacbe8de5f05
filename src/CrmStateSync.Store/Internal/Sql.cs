using Dapper;
using Microsoft.Data.Sqlite;

namespace CrmStateSync.Store.Internal;

/// <summary>Dapper calls with a transaction and a cancellation token, so every statement is parameterised the same way.</summary>
internal static class Sql
{
    public static Task<int> ExecAsync(this SqliteConnection c, string sql, object? param, SqliteTransaction? tx, CancellationToken ct) =>
        c.ExecuteAsync(new CommandDefinition(sql, param, tx, cancellationToken: ct));

    public static async Task<List<T>> ListAsync<T>(this SqliteConnection c, string sql, object? param, SqliteTransaction? tx, CancellationToken ct) =>
        (await c.QueryAsync<T>(new CommandDefinition(sql, param, tx, cancellationToken: ct)).ConfigureAwait(false)).AsList();

    public static Task<T?> OneOrDefaultAsync<T>(this SqliteConnection c, string sql, object? param, SqliteTransaction? tx, CancellationToken ct) =>
        c.QuerySingleOrDefaultAsync<T>(new CommandDefinition(sql, param, tx, cancellationToken: ct));

    public static Task<T?> ScalarAsync<T>(this SqliteConnection c, string sql, object? param, SqliteTransaction? tx, CancellationToken ct) =>
        c.ExecuteScalarAsync<T>(new CommandDefinition(sql, param, tx, cancellationToken: ct));
}
