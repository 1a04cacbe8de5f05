using CrmStateSync.Rules.Model;

namespace CrmStateSync.Sandbox.Seed;

/// <summary>Canonical accounts (rules.md §1) for the sandbox to store in CRM field names, and the day they are shaped around.</summary>
public sealed record SeedData(DateOnly AsOf, IReadOnlyList<AccountSnapshot> Accounts)
{
    public int Opportunities => Accounts.Sum(a => a.Opportunities.Count);

    public int Contacts => Accounts.Sum(a => a.Contacts.Count);

    public int UsageRows => Accounts.Sum(a => a.Usage.Count);
}

/// <summary>
/// The sandbox's data: a deterministic generator (a seeded <see cref="Random"/>) of accounts across segments and every
/// <see cref="Scenario"/>, or the accounts of a snapshot file (samples/snapshots.json) as the executable read them.
/// </summary>
public static class SandboxSeed
{
    public static readonly IReadOnlyList<string> Segments = ["Enterprise", "Mid-Market", "SMB"];

    /// <summary>The scenario of the account at <paramref name="index"/>: they cycle, so any 10 consecutive accounts cover all.</summary>
    public static Scenario ScenarioOf(int index) => (Scenario)(index % Enum.GetValues<Scenario>().Length);

    public static SeedData Generate(SeedOptions? options = null)
    {
        options ??= new SeedOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(options.Accounts);
        var random = new Random(options.RandomSeed);
        var accounts = new AccountSnapshot[options.Accounts];
        for (var i = 0; i < accounts.Length; i++)
        {
            var factory = new AccountFactory(random, options, i);
            accounts[i] = factory.Build(ScenarioOf(i));
            if (HoldsPreviousSystemValues(i, options.PreviousSystemShare))
            {
                accounts[i] = PreviousSystem.Apply(accounts[i], ScenarioOf(i), options.AsOf, i);
            }
        }

        return new SeedData(options.AsOf, accounts);
    }

    /// <summary>
    /// The share, in percent, of every 100 consecutive indexes, spread over every scenario (37 is prime to 100 and to the
    /// 10 scenarios) and independent of the generator, so the rest of the data stays the same.
    /// </summary>
    private static bool HoldsPreviousSystemValues(int index, double share) => index * 37 % 100 < share * 100;

    /// <summary>The accounts of a snapshot file as they are, children included (the ids are the CRM's to assign).</summary>
    public static SeedData FromSnapshots(IEnumerable<AccountSnapshot> accounts, DateOnly asOf) => new(asOf, [.. accounts]);
}
