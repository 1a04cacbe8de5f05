namespace CrmStateSync.Rules.Configuration;

/// <summary>The rules configuration is invalid; <see cref="Problems"/> lists every problem with its key.</summary>
public sealed class RulesConfigurationException : Exception
{
    public RulesConfigurationException(IReadOnlyList<string> problems)
        : base("The rules configuration is invalid:" + "\n" + string.Join("\n", problems.Select(p => "  - " + p)))
    {
        Problems = problems;
    }

    public RulesConfigurationException()
        : this([])
    {
    }

    public RulesConfigurationException(string message)
        : base(message)
    {
        Problems = [message];
    }

    public RulesConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    public IReadOnlyList<string> Problems { get; } = [];
}
