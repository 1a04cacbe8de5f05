namespace CrmStateSync.Configuration;

/// <summary>
/// A configuration file the admin named cannot be used: it does not exist, or it is not valid JSON. The message names
/// the file (and where it was named, or the line and position of the error); the exit code is
/// <see cref="ExitCodes.ConfigurationError"/> whichever command read it.
/// </summary>
public sealed class ConfigurationFileException : Exception
{
    public ConfigurationFileException()
    {
    }

    public ConfigurationFileException(string message)
        : base(message)
    {
    }

    public ConfigurationFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
