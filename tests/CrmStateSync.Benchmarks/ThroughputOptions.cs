namespace CrmStateSync.Benchmarks;

/// <summary>Arguments of <c>throughput</c>: <c>[--accounts N] [--chunk N] [--steady] [--seed N]</c>.</summary>
internal sealed record ThroughputOptions
{
    public const string Usage = "usage: throughput [--accounts N (1000000)] [--chunk N (50000)] [--steady] [--seed N]";

    /// <summary>Accounts to evaluate. Default 1,000,000.</summary>
    public int Accounts { get; init; } = 1_000_000;

    /// <summary>Accounts generated at a time, to bound memory (about 7 KB each). Default 50,000.</summary>
    public int Chunk { get; init; } = 50_000;

    /// <summary>Evaluate the steady state (previous values applied) instead of go-live. Default false.</summary>
    public bool Steady { get; init; }

    public int Seed { get; init; } = AccountGenerator.DefaultSeed;

    /// <summary>The options, or null with <paramref name="error"/> set when an argument is bad.</summary>
    public static ThroughputOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        var options = new ThroughputOptions();
        error = null;
        for (var i = 0; i < args.Count && error is null; i++)
        {
            switch (args[i])
            {
                case "--steady": options = options with { Steady = true }; break;
                case "--accounts": options = options with { Accounts = Positive(args, ++i, ref error) }; break;
                case "--chunk": options = options with { Chunk = Positive(args, ++i, ref error) }; break;
                case "--seed": options = options with { Seed = Positive(args, ++i, ref error) }; break;
                default: error = $"unknown argument '{args[i]}'"; break;
            }
        }

        return error is null ? options : null;
    }

    private static int Positive(IReadOnlyList<string> args, int i, ref string? error)
    {
        if (i < args.Count && int.TryParse(args[i].Replace("_", "", StringComparison.Ordinal), out var value) && value > 0)
        {
            return value;
        }

        error = $"{args[i - 1]} needs a positive whole number";
        return 1;
    }
}
