namespace CrmStateSync.Sandbox.Seed;

/// <summary>What <see cref="SandboxSeed.Generate"/> produces.</summary>
public sealed record SeedOptions
{
    /// <summary>Accounts to generate. Default 300.</summary>
    public int Accounts { get; init; } = 300;

    /// <summary>The seed of the generator; the same seed gives the same data. Default 20261123.</summary>
    public int RandomSeed { get; init; } = 20261123;

    /// <summary>The day the data is shaped around ("today" for the rules). Default 2026-11-23.</summary>
    public DateOnly AsOf { get; init; } = new(2026, 11, 23);

    /// <summary>Generate opportunities, contacts and usage too (false: accounts only, for scale runs). Default true.</summary>
    public bool Children { get; init; } = true;

    /// <summary>Days of usage history per account. Default 180.</summary>
    public int UsageDays { get; init; } = 180;

    /// <summary>
    /// The share of accounts (0–1) whose managed fields already hold values a previous system left at go-live (a stage,
    /// entry dates a few days off, a state reading). Chosen by index, so the rest of the data is the same. Default 0.
    /// </summary>
    public double PreviousSystemShare { get; init; }
}
