using System.Text.Json;
using CrmStateSync.Rules.Model;

namespace CrmStateSync.Snapshots;

/// <summary>Maps one account's JSON (rules.md §1, camelCase) to an <see cref="AccountSnapshot"/>, collecting every problem.</summary>
internal static class SnapshotMapper
{
    public static AccountSnapshot? Map(JsonElement account, string path, List<(string Path, string Message)> problems)
    {
        if (account.ValueKind != JsonValueKind.Object)
        {
            problems.Add((path, $"an account must be an object, was {account.ValueKind}"));
            return null;
        }

        var f = new JsonFields(account, path, problems);
        var id = f.String("id");
        if (string.IsNullOrWhiteSpace(id))
        {
            problems.Add((f.At("id"), "the account id is missing"));
        }

        var snapshot = new AccountSnapshot
        {
            Id = id ?? "",
            Name = f.String("name"),
            Segment = f.String("segment"),
            OwnerId = f.String("ownerId"),
            Managed = f.Child("managed", JsonValueKind.Object) is { } m ? ManagedMapper.Map(m, f.At("managed"), problems) : ManagedValues.Empty,
            GoalOwnerId = f.String("goalOwnerId"),
            PrimaryGoal = f.String("primaryGoal"),
            GoalReviewedOn = f.Date("goalReviewedOn"),
            GoalChangedOn = f.Date("goalChangedOn"),
            LeadershipChangeOn = f.Date("leadershipChangeOn"),
            KickoffOn = f.Date("kickoffOn"),
            OnboardingCompleteOn = f.Date("onboardingCompleteOn"),
            WorkflowsLive = f.Bool("workflowsLive") ?? false,
            ConfigVerifiedOn = f.Date("configVerifiedOn"),
            WorkflowGapOn = f.Date("workflowGapOn"),
            IntegrationStatus = f.Enum<IntegrationStatus>("integrationStatus"),
            IntegrationChangedOn = f.Date("integrationChangedOn"),
            InNewHireOnboarding = f.Bool("inNewHireOnboarding"),
            LastOutcomeOn = f.Date("lastOutcomeOn"),
            LastOutcome = f.String("lastOutcome"),
            AtRiskReason = f.String("atRiskReason"),
            OverrideReason = f.String("overrideReason"),
            LastWritten = f.Child("lastWritten", JsonValueKind.Object) is { } lw ? LastWritten(new JsonFields(lw, f.At("lastWritten"), problems)) : null,
            Opportunities = List(f, "opportunities", problems, Opportunity),
            Contacts = List(f, "contacts", problems, Contact),
            Usage = List(f, "usage", problems, Usage),
        };
        return snapshot;
    }

    private static LastWritten LastWritten(JsonFields f) => new()
    {
        Stage = f.String("stage"),
        StageSource = f.Enum<StageSource>("stageSource") ?? StageSource.Automated,
        StageSetOn = f.Date("stageSetOn"),
    };

    private static Opportunity Opportunity(JsonFields f) => new()
    {
        Id = Required(f, "id"),
        IsClosed = f.Bool("isClosed") ?? false,
        IsWon = f.Bool("isWon") ?? false,
        CloseDate = f.Date("closeDate"),
        Type = f.Enum<OpportunityType>("type"),
        ContractStart = f.Date("contractStart"),
        ContractEnd = f.Date("contractEnd"),
    };

    private static Contact Contact(JsonFields f) => new()
    {
        Id = Required(f, "id"),
        Function = f.String("function"),
        Role = f.Enum<ContactRole>("role"),
        LastActiveOn = f.Date("lastActiveOn"),
        LastEngagedOn = f.Date("lastEngagedOn"),
        DepartedOn = f.Date("departedOn"),
    };

    private static UsageRow Usage(JsonFields f)
    {
        if (!f.Has("date"))
        {
            f.Add(f.At("date"), "a usage row needs a date");
        }

        return new UsageRow
        {
            Date = f.Date("date") ?? DateOnly.MinValue,
            ActiveUsers = f.Count("activeUsers"),
            ValueActions = f.Count("valueActions"),
            CoreEvents = f.Count("coreEvents"),
            Metrics = f.Child("metrics", JsonValueKind.Object) is { } m ? ManagedMapper.Metrics(m, f.At("metrics"), f) : UsageRowDefaults.NoMetrics,
        };
    }

    private static string Required(JsonFields f, string name)
    {
        var value = f.String(name);
        if (string.IsNullOrWhiteSpace(value))
        {
            f.Add(f.At(name), $"{name} is missing");
        }

        return value ?? "";
    }

    private static List<T> List<T>(JsonFields parent, string name, List<(string, string)> problems, Func<JsonFields, T> map)
    {
        var result = new List<T>();
        if (parent.Child(name, JsonValueKind.Array) is not { } array)
        {
            return result;
        }

        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var path = $"{parent.At(name)}[{index++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                problems.Add((path, $"must be an object, was {item.ValueKind}"));
                continue;
            }

            result.Add(map(new JsonFields(item, path, problems)));
        }

        return result;
    }
}

internal static class UsageRowDefaults
{
    public static readonly IReadOnlyDictionary<string, double> NoMetrics = new Dictionary<string, double>();
}
