using System.Globalization;
using System.Text.Json;

namespace CrmStateSync.Benchmarks.ConsolePages;

/// <summary>
/// The texts of the generated store: account names (some with markup, quotes and non-ASCII letters, because account
/// names are CRM user input the console must escape), the stages and fields the worker writes, reasons as the rules word them.
/// </summary>
internal static class ConsoleStoreText
{
    public static readonly string[] Stages = ["New Customer", "Onboarding", "Adopting", "Healthy", "At-Risk", "Churned"];

    public static readonly string[] States =
        ["goalClarity", "configuredForGoals", "valueActionAdoption", "multiStakeholderEngagement", "outcomeAttribution", "dailyWorkIntegration"];

    public static readonly string[] Segments = ["Enterprise", "Mid-Market", "SMB", "Strategic"];

    /// <summary>Fields conflicts are logged on, the stage most often (as in a real org, where CSMs mostly override the stage).</summary>
    public static readonly string[] ConflictFields =
        ["stage", "stage", "stage", "state:goalClarity", "state:valueActionAdoption", "stageEntryDate:Healthy", "nextMilestone", "divergence"];

    // "Ab…" first words so a search for "ab" finds many accounts by name prefix, as it would in a real org.
    private static readonly string[] First =
        ["Abbott", "Abacus", "Northwind", "Contoso", "Fabrikam", "Litware", "Tailspin", "Adventure", "Wingtip", "Proseware", "Lucerne", "Margie's",
         "Alpine", "Blue Yonder", "Coho", "Fourth Coffee", "Graphic", "Humongous", "Wide World", "Trey", "Woodgrove", "Relecloud"];

    private static readonly string[] Second =
        ["Traders", "Systems", "Logistics", "Health", "Bank", "Insurance", "Foods", "Airlines", "Winery", "Publishing", "Media", "Labs", "Energy"];

    // Every 500th account gets one of these: markup to be escaped, both quote kinds, ampersands, letters beyond ASCII.
    private static readonly string[] Awkward =
        ["<script>alert(1)</script>", "O'Brien & \"Sons\"", "Müller Süßwaren GmbH", "Łódź Przędzalnia", "東京トレーディング株式会社", "Ærøskøbing ApS",
         "São Paulo Comércio", "Zürich <b>Rück</b>", "Ελληνική Εταιρεία", "Café \"Le Mot\" & Cie"];

    public static string AccountId(int i) => "001CSL" + i.ToString("D12", CultureInfo.InvariantCulture);

    public static string ChildId(string prefix, long i) => prefix + "CSL" + i.ToString("D12", CultureInfo.InvariantCulture);

    public static string Name(Random rng, int i, string segment) =>
        i % 500 == 3
            ? $"{Awkward[i / 500 % Awkward.Length]} {i}"
            : $"{First[rng.Next(First.Length)]} {Second[rng.Next(Second.Length)]} {i} ({segment})";

    /// <summary>A JSON string literal (quotes included), escaped as System.Text.Json escapes it.</summary>
    public static string Json(string? text) => text is null ? "null" : JsonSerializer.Serialize(text);

    public static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Instant(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>The stage reason the rules would give for entering <paramref name="stage"/> on <paramref name="on"/>.</summary>
    public static string StageReason(Random rng, string stage, DateOnly on, int accountIndex) => stage switch
    {
        "New Customer" => $"New Customer since {Date(on)}: deal {ChildId("006", accountIndex * 4L)} won {Date(on)} with an active subscription",
        "Onboarding" => $"Onboarding since {Date(on)}: kickoff held {Date(on)}, first active user {Date(on.AddDays(rng.Next(3, 40)))}",
        "Adopting" => $"Adopting since {Date(on)}: {rng.Next(10, 90)} value actions in the last 14 days ≥ 10",
        "Healthy" => $"Healthy since {Date(on)}: onboarding complete {Date(on.AddDays(-rng.Next(30, 200)))}, {rng.Next(60, 400)} core events and {rng.Next(8, 40)} active users in the last 30 days",
        "At-Risk" => rng.Next(3) switch
        {
            0 => $"At-Risk since {Date(on)}: integration removed: Daily-Work Integration is Reset: the integration was removed",
            1 => $"At-Risk since {Date(on)}: core events down 52% against the previous 30 days",
            _ => $"At-Risk since {Date(on)}: renewal on {Date(on.AddDays(rng.Next(10, 55)))} with Outcome Attribution Slipping",
        },
        _ => $"Churned since {Date(on)}: contract ended {Date(on)}",
    };

    /// <summary>Why a person set the stage by hand (manual transitions carry the CSM's override reason).</summary>
    public static string ManualReason(Random rng, string stage, DateOnly on) =>
        $"{stage} set by hand on {Date(on)}: " + (rng.Next(3) switch
        {
            0 => "CSM override: exec sponsor left, renewal in doubt",
            1 => "CSM override: customer confirmed go-live on the call",
            _ => "CSM override: \"paused\" project, see notes",
        });
}
