using Microsoft.Data.Sqlite;

namespace CrmStateSync.Store;

/// <summary>
/// The store file cannot be used at all: it is not a SQLite database, it is damaged, or it (or its directory) cannot
/// be created, opened or written. The message names the file, what is wrong and what an admin does about it.
/// </summary>
public sealed class StoreUnusableException : Exception
{
    public StoreUnusableException()
    {
    }

    public StoreUnusableException(string message)
        : base(message)
    {
    }

    public StoreUnusableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The store file's full path.</summary>
    public string Path { get; init; } = "";

    /// <summary>What the file system or SQLite said when the file was opened or used, if it says the store is unusable.</summary>
    internal static bool IsStoreProblem(Exception ex) => ex is SqliteException sqlite ? IsFileProblem(sqlite) : ex is IOException or UnauthorizedAccessException;

    /// <summary>SQLite's primary result codes that say the file itself is unusable (not one statement's problem).</summary>
    internal static bool IsFileProblem(SqliteException ex) => ex.SqliteErrorCode is Permission or ReadOnly or IoError or Corrupt or Full or CantOpen or NotADatabase;

    /// <summary>The store's own failure for <paramref name="path"/>, from SQLite's or the file system's.</summary>
    internal static StoreUnusableException For(string path, Exception cause)
    {
        var full = System.IO.Path.GetFullPath(path);
        var what = cause switch
        {
            SqliteException { SqliteErrorCode: NotADatabase } =>
                "is not a SQLite database. Check Worker:DatabasePath (or --database); if it is the right path, restore the file from a backup, or move it away and the worker creates a new store (whose first cycle reads the whole org again)",
            SqliteException { SqliteErrorCode: Corrupt } =>
                $"is damaged ({cause.Message}). Stop every process using it, then restore it from a backup, or move it away together with its -wal and -shm files and the worker creates a new store (whose first cycle reads the whole org again); `sqlite3 FILE .recover` may save its history",
            SqliteException { SqliteErrorCode: Full } =>
                $"cannot be written: the disk is full ({cause.Message}). Free space on its volume and start again",
            SqliteException { SqliteErrorCode: IoError } =>
                $"cannot be read or written: a disk I/O error ({cause.Message}). Check the volume it is on",
            _ =>
                $"cannot be created, opened or written ({cause.Message}). Check that its directory exists or can be created, and that the worker's user may write to the directory and the file (SQLite also writes FILE-wal and FILE-shm beside it)",
        };
        return new StoreUnusableException($"The store file {full} {what}.", cause) { Path = full };
    }

    private const int Permission = 3;
    private const int ReadOnly = 8;
    private const int IoError = 10;
    private const int Corrupt = 11;
    private const int Full = 13;
    private const int CantOpen = 14;
    private const int NotADatabase = 26;
}
