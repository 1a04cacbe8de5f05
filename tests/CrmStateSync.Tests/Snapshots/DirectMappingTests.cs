using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using CrmStateSync.Snapshots;
using CrmStateSync.Tests.TestSupport;

namespace CrmStateSync.Tests.Snapshots;

/// <summary>
/// Issue 12 item 4: the reader maps plain accounts in its own pass (<c>Snapshots/Direct</c>) instead of through a
/// <see cref="JsonDocument"/>. The direct path must only ever agree with the strict one: every file here is read both
/// ways and must give the same accounts and the same problems, in the same order — and the direct path must really
/// have taken the plain accounts (else the comparison would prove nothing), and none of the messy ones.
/// </summary>
[TestFixture]
internal sealed class DirectMappingTests
{
    private static readonly JsonSerializerOptions Compare = new() { Converters = { new JsonStringEnumConverter() } };

    private TempFolder _temp = null!;

    [SetUp]
    public void SetUp() => _temp = new TempFolder();

    [TearDown]
    public void TearDown() => _temp.Dispose();

    [Test]
    public void Read_TheSamples_DirectlyAndStrictlyAlike()
    {
        var (strict, direct, taken) = ReadBothWays(RepoPaths.Snapshots);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(direct, Is.EqualTo(strict));
            Assert.That(taken, Is.EqualTo(strict.Count(r => r.StartsWith("account", StringComparison.Ordinal))).And.GreaterThan(10));
        }
    }

    [Test]
    public void Read_GeneratedAccountsAcrossManyWindows_DirectlyAndStrictlyAlike()
    {
        // 600 varied accounts (about 3 MB: the 1 MiB window is refilled mid-account several times) and one account
        // larger than the window, which it has to grow for.
        var accounts = Enumerable.Range(0, 600).Select(i => Generated(new Random(i), $"gen-{i}")).ToList();
        accounts.Insert(300, Huge("huge-1", rows: 12_000));
        var path = _temp.Write("generated.json", Document(accounts.Select(a => a.ToJsonString())));

        var (strict, direct, taken) = ReadBothWays(path);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(direct, Is.EqualTo(strict));
            Assert.That(strict, Has.Count.EqualTo(601).And.All.StartsWith("account"));
            Assert.That(taken, Is.EqualTo(601));
        }
    }

    [Test]
    public void Read_PlainButUnusualAccounts_TakenDirectlyWithTheStrictValues()
    {
        var (strict, direct, taken) = ReadBothWays(_temp.Write("plain.json", Document(PlainCases.Values)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(direct, Is.EqualTo(strict));
            Assert.That(strict, Has.All.StartsWith("account"));
            Assert.That(taken, Is.EqualTo(PlainCases.Count));
        }
    }

    [TestCaseSource(nameof(ProblemCaseNames))]
    public void Read_AccountWithAProblem_LeftToTheStrictPathThatWordsIt(string name)
    {
        var path = _temp.Write("problem.json", Document([ProblemCases[name], """{"id": "after"}"""]));

        var (strict, direct, taken) = ReadBothWays(path);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(direct, Is.EqualTo(strict));
            Assert.That(strict[0], Does.StartWith("problem"), "the case must be one the strict path words");
            Assert.That(taken, Is.EqualTo(1), "only the plain account after it is taken directly");
        }
    }

    [TestCaseSource(nameof(DeclinedCaseNames))]
    public void Read_AccountTheDirectPathDeclines_ReadTheStrictWay(string name)
    {
        var path = _temp.Write("declined.json", Document([DeclinedCases[name], """{"id": "after"}"""]));

        var (strict, direct, taken) = ReadBothWays(path);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(direct, Is.EqualTo(strict));
            Assert.That(strict, Has.Count.EqualTo(2).And.All.StartsWith("account"), "the strict path takes it without a problem");
            Assert.That(taken, Is.EqualTo(1), "only the plain account after it is taken directly");
        }
    }

    [Test]
    public void Read_EveryCaseAsJsonLines_DirectlyAndStrictlyAlike()
    {
        var lines = PlainCases.Values.Concat(ProblemCases.Values).Concat(DeclinedCases.Values).Select(c => c.ReplaceLineEndings(" "));
        var path = _temp.Write("cases.jsonl", string.Join("\n", lines) + "\n{\"id\": \"no end\"\n");

        var (strict, direct, taken) = ReadBothWays(path);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(direct, Is.EqualTo(strict));
            Assert.That(taken, Is.EqualTo(PlainCases.Count));
            Assert.That(strict[^1], Does.StartWith("problem").And.Contains("invalid JSON"));
        }
    }

    [TestCase("name", """{"id": "u-1", "name": "bad <FF> name"}""", "$.accounts[0].name: is not valid UTF-8 text")]
    [TestCase("metric name", """{"id": "u-2", "usage": [{"date": "2026-05-01", "metrics": {"bad <FF>": 1}}]}""", "$.accounts[0]: holds text that is not valid UTF-8")]
    [TestCase("state key", """{"id": "u-3", "managed": {"states": {"<FF>": {"value": "Hit"}}}}""", "$.accounts[0]: holds text that is not valid UTF-8")]
    public void Read_TextThatIsNotUtf8_ThatAccountRefusedTheRestRead(string where, string account, string problem)
    {
        // <FF> stands for the byte 0xFF, which no UTF-8 text holds (a Latin-1 file, a cut character).
        var path = Path.Combine(_temp.Path, "latin1.json");
        var parts = Document([account, """{"id": "after"}"""]).Split("<FF>").Select(Encoding.UTF8.GetBytes);
        File.WriteAllBytes(path, [.. parts.Aggregate((a, b) => [.. a, 0xFF, .. b])]);

        var (strict, direct, taken) = ReadBothWays(path);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(direct, Is.EqualTo(strict), where);
            Assert.That(strict, Has.Count.EqualTo(2));
            Assert.That(strict[0], Does.StartWith("problem u-").And.Contain(problem));
            Assert.That(strict[1], Does.StartWith("account").And.Contain("after"));
            Assert.That(taken, Is.EqualTo(1));
        }
    }

    [Test]
    public void Read_SyntaxErrorInsideAnAccount_SameProblemWithLineAndByte()
    {
        var text = Document([PlainCases["everything"], """{"id": "broken", "name": "x" "segment": "SMB"}""", """{"id": "never read"}"""]);

        var (strict, direct, _) = ReadBothWays(_temp.Write("broken.json", text));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(direct, Is.EqualTo(strict));
            Assert.That(strict, Has.Count.EqualTo(2));
            Assert.That(strict[1], Does.Contain("broken").And.Contain("invalid JSON at line"));
        }
    }

    [Test]
    public void Read_CommentsAndTrailingCommasInADocument_TakenDirectly()
    {
        var text = """
            {"asOf": "2026-06-01", "accounts": [
              // a comment between accounts
              {"id": "c-1", /* inside */ "name": "Commented", "usage": [{"date": "2026-05-01", "activeUsers": 3,},],},
            ]}
            """;

        var (strict, direct, taken) = ReadBothWays(_temp.Write("comments.json", text));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(direct, Is.EqualTo(strict));
            Assert.That(strict, Has.Count.EqualTo(1).And.All.StartsWith("account"));
            Assert.That(taken, Is.EqualTo(1));
        }
    }

    /// <summary>Accounts the direct path takes: nothing in them is a problem.</summary>
    private static readonly Dictionary<string, string> PlainCases = new()
    {
        ["everything"] = """
            {"id": "p-all", "name": "Everything Inc", "segment": "Enterprise", "ownerId": "o-1", "goalOwnerId": "c-1",
             "primaryGoal": "Close faster", "goalReviewedOn": "2026-04-01", "goalChangedOn": "2026-01-02", "leadershipChangeOn": "2025-12-01",
             "kickoffOn": "2025-09-09", "onboardingCompleteOn": "2025-11-20", "workflowsLive": true, "configVerifiedOn": "2026-02-26",
             "workflowGapOn": "2026-03-01", "integrationStatus": "Live", "integrationChangedOn": "2025-12-01", "inNewHireOnboarding": false,
             "lastOutcomeOn": "2026-04-26", "lastOutcome": "Down 30%", "atRiskReason": "Budget", "overrideReason": "Exec call",
             "managed": {"stage": "Healthy", "stageChangedOn": "2026-01-05",
                         "stageEntryDates": {"New Customer": "2025-09-01", "Onboarding": "2025-09-09"},
                         "states": {"goalClarity": {"value": "Hit", "verifiedOn": "2026-04-01"}, "outcomeAttribution": {"value": "slipping"},
                                    "dailyWorkIntegration": "not an object, passed over", "configuredForGoals": {"verifiedOn": "2026-01-01"}},
                         "milestones": {"first_user_active": "2025-09-10"}, "milestoneStalled": true, "milestoneStalledSince": "2026-02-01"},
             "lastWritten": {"stage": "Healthy", "stageSource": "manual", "stageSetOn": "2026-01-05"},
             "opportunities": [{"id": "op-1", "isClosed": true, "isWon": true, "closeDate": "2025-09-04", "type": "NewBusiness",
                                "contractStart": "2025-09-04", "contractEnd": "2027-05-01"}, {"id": "op-2", "type": null}],
             "contacts": [{"id": "c-1", "function": "IT", "role": "ExecSponsor", "lastActiveOn": "2026-05-20", "lastEngagedOn": "2026-05-13",
                           "departedOn": null}],
             "usage": [{"date": "2026-05-01", "activeUsers": 7, "valueActions": 2, "coreEvents": 4, "metrics": {"projects_created": 1.5, "gone": null}},
                       {"date": "2026-05-02", "activeUsers": 0, "metrics": null}]}
            """,
        ["minimal"] = """{"id": "p-min"}""",
        ["nulls"] = """{"id": "p-nulls", "name": null, "managed": null, "lastWritten": null, "usage": null, "contacts": [], "opportunities": null, "workflowsLive": null}""",
        ["escaped values"] = """{"id": "p-esc\u002d1", "name": "Acme \"Q\" \u00e9\/x", "lastOutcome": "line\nbreak", "usage": [{"date": "2026-05-01", "metrics": {"pro\u006aects": 2}}]}""",
        ["unknown properties"] = """{"id": "p-unknown", "extra": {"deep": [1, {"x": null}]}, "list": [1, 2], "flag": false, "usage": [{"date": "2026-05-01", "note": "x", "more": {"a": 1}}]}""",
        ["non-ASCII names and text"] = """{"id": "p-ü", "name": "Zürich AG 株式会社", "managed": {"stageEntryDates": {"Onboarding ✓": "2026-01-01"}}, "usage": [{"date": "2026-05-01", "metrics": {"größe": 3}}]}""",
        ["big numbers"] = """{"id": "p-num", "usage": [{"date": "2026-05-01", "activeUsers": 2147483647, "metrics": {"x": 1e3, "y": 0}}]}""",
    };

    /// <summary>Accounts with a problem the strict path reports.</summary>
    private static readonly Dictionary<string, string> ProblemCases = new()
    {
        ["usage not an array"] = """{"id": "m-3", "usage": "daily"}""",
        ["usage row null"] = """{"id": "m-4", "usage": [null]}""",
        ["negative count"] = """{"id": "m-5", "usage": [{"date": "2026-05-01", "activeUsers": -1}]}""",
        ["fractional count"] = """{"id": "m-6", "usage": [{"date": "2026-05-01", "coreEvents": 1.5}]}""",
        ["impossible date"] = """{"id": "m-7", "kickoffOn": "2026-02-30"}""",
        ["date with time"] = """{"id": "m-8", "kickoffOn": "2026-02-01T10:00:00Z"}""",
        ["unknown picklist value"] = """{"id": "m-9", "contacts": [{"id": "c", "role": "Boss"}]}""",
        ["metric not a number"] = """{"id": "m-10", "usage": [{"date": "2026-05-01", "metrics": {"a": "x"}}]}""",
        ["negative metric"] = """{"id": "m-11", "usage": [{"date": "2026-05-01", "metrics": {"a": -2}}]}""",
        ["unknown state"] = """{"id": "m-12", "managed": {"states": {"happiness": {"value": "Hit"}}}}""",
        ["blank id"] = """{"id": "  "}""",
        ["no id"] = """{"name": "nameless"}""",
        ["not an object"] = """5""",
        ["usage row without date"] = """{"id": "m-18", "usage": [{"activeUsers": 1}]}""",
        ["contact without id"] = """{"id": "m-19", "contacts": [{"role": "User"}]}""",
        ["boolean as string"] = """{"id": "m-20", "workflowsLive": "yes"}""",
        ["managed not an object"] = """{"id": "m-21", "managed": ["Healthy"]}""",
        ["bad state value"] = """{"id": "m-22", "managed": {"states": {"goalClarity": {"value": "Great"}}}}""",
        ["bad last written source"] = """{"id": "m-23", "lastWritten": {"stageSource": "robot"}}""",
    };

    /// <summary>Accounts the strict path takes, but whose reading depends on more than the direct path does (escapes, repeats): left to it.</summary>
    private static readonly Dictionary<string, string> DeclinedCases = new()
    {
        ["escaped property name"] = """{"id": "d-1", "n\u0061me": "x"}""",
        ["repeated property"] = """{"id": "d-2", "name": "a", "name": "b"}""",
        ["repeated state"] = """{"id": "d-3", "managed": {"states": {"goalClarity": {"value": "Hit"}, "goalClarity": {"value": "Slipping"}}}}""",
        ["repeated key with a null"] = """{"id": "d-4", "managed": {"milestones": {"a": "2026-01-01", "a": null}}}""",
        ["escaped date"] = """{"id": "d-5", "kickoffOn": "2026\u002d02-01"}""",
    };

    private static string[] ProblemCaseNames() => [.. ProblemCases.Keys];

    private static string[] DeclinedCaseNames() => [.. DeclinedCases.Keys];

    /// <summary>The file read strictly and directly: each item as text (an account as JSON, a problem as its words), and how many the direct path took.</summary>
    private static (List<string> Strict, List<string> Direct, int Taken) ReadBothWays(string path)
    {
        var strict = ReadAll(path, direct: false, out var none);
        var direct = ReadAll(path, direct: true, out var taken);
        Assert.That(none, Is.Zero, "the strict reading takes nothing directly");
        return (strict, direct, taken);
    }

    private static List<string> ReadAll(string path, bool direct, out int taken)
    {
        using var source = new SnapshotSource(path, needAsOf: true, direct);
        var items = source.Read()
            .Select(r => r.Account is { } a ? "account " + JsonSerializer.Serialize(a, Compare) : $"problem {r.Problem!.Account} {r.Problem.Path}: {r.Problem.Message}")
            .ToList();
        taken = source.DirectlyMapped;
        return items;
    }

    private static string Document(IEnumerable<string> accounts) =>
        new StringBuilder("{\"asOf\": \"2026-06-01\", \"accounts\": [\n").AppendJoin(",\n", accounts).Append("\n]}\n").ToString();

    /// <summary>A plain account with a random selection of every kind of field, absent, null or set.</summary>
    private static JsonObject Generated(Random random, string id)
    {
        var day = new DateOnly(2025, 1, 1);
        JsonNode? Date() => random.Next(5) == 0 ? null : JsonValue.Create(day.AddDays(random.Next(500)).ToString("yyyy-MM-dd"));
        var account = new JsonObject { ["id"] = id, ["name"] = $"Account \"{id}\" ✓", ["kickoffOn"] = Date(), ["workflowsLive"] = random.Next(2) == 0 };
        foreach (var key in new[] { "goalReviewedOn", "onboardingCompleteOn", "configVerifiedOn", "lastOutcomeOn", "integrationChangedOn" })
        {
            if (random.Next(3) > 0)
            {
                account[key] = Date();
            }
        }

        account["integrationStatus"] = random.Next(3) switch { 0 => "Live", 1 => "broken", _ => null };
        account["managed"] = new JsonObject
        {
            ["stage"] = "Adopting",
            ["stageEntryDates"] = new JsonObject { ["Onboarding"] = day.ToString("yyyy-MM-dd") },
            ["states"] = new JsonObject { ["goalClarity"] = new JsonObject { ["value"] = "Hit", ["verifiedOn"] = Date() } },
            ["milestoneStalled"] = random.Next(2) == 0,
        };
        account["contacts"] = new JsonArray(Enumerable.Range(0, random.Next(6)).Select(c => (JsonNode)new JsonObject
        {
            ["id"] = $"{id}-c{c}", ["role"] = c == 0 ? "Champion" : "User", ["lastActiveOn"] = Date(), ["function"] = random.Next(2) == 0 ? "IT" : null,
        }).ToArray());
        account["opportunities"] = new JsonArray(Enumerable.Range(0, random.Next(4)).Select(o => (JsonNode)new JsonObject
        {
            ["id"] = $"{id}-o{o}", ["isClosed"] = true, ["isWon"] = o % 2 == 0, ["closeDate"] = Date(), ["type"] = o == 0 ? "NewBusiness" : "Renewal",
        }).ToArray());
        account["usage"] = new JsonArray(Enumerable.Range(0, random.Next(120)).Select(u => (JsonNode)new JsonObject
        {
            ["date"] = day.AddDays(u).ToString("yyyy-MM-dd"), ["activeUsers"] = random.Next(40), ["valueActions"] = random.Next(5),
            ["metrics"] = random.Next(3) == 0 ? new JsonObject { ["projects_created"] = random.Next(3) } : null,
        }).ToArray());
        return account;
    }

    /// <summary>An account larger than the reader's 1 MiB window.</summary>
    private static JsonObject Huge(string id, int rows) => new()
    {
        ["id"] = id,
        ["usage"] = new JsonArray(Enumerable.Range(0, rows).Select(u => (JsonNode)new JsonObject
        {
            ["date"] = new DateOnly(2000, 1, 1).AddDays(u).ToString("yyyy-MM-dd"), ["activeUsers"] = u % 50, ["coreEvents"] = 1,
            ["metrics"] = new JsonObject { ["projects_created"] = u % 3, ["seats"] = 10 },
        }).ToArray()),
    };
}
