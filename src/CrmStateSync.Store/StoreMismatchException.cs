namespace CrmStateSync.Store;

/// <summary>
/// The store file belongs to a newer schema version, or to another org or provider, and is refused. The message
/// names the file's value and the expected one.
/// </summary>
public sealed class StoreMismatchException : Exception
{
    public StoreMismatchException()
    {
    }

    public StoreMismatchException(string message)
        : base(message)
    {
    }

    public StoreMismatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
