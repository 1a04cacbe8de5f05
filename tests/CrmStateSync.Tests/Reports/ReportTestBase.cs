using CrmStateSync.Reports;
using CrmStateSync.Tests.TestSupport;
using Microsoft.Data.Sqlite;

namespace CrmStateSync.Tests.Reports;

/// <summary>Each test gets the known history (<see cref="ReportHistory"/>) in a fresh SQLite file of its own.</summary>
public abstract class ReportTestBase
{
    private TempFolder _folder = null!;

    protected string Database { get; private set; } = "";

    protected string Folder => _folder.Path;

    private protected ReportInputs Inputs { get; private set; } = null!;

    protected ReportInput Input => Inputs.At(ReportHistory.AsOf);

    protected virtual bool ExtraOnboarding => false;

    [SetUp]
    public async Task WriteHistoryAsync()
    {
        _folder = new TempFolder();
        Database = Path.Combine(_folder.Path, "state.db");
        await ReportHistory.WriteAsync(Database, ExtraOnboarding);
        Inputs = await ReportHistory.ReadAsync(Database);
    }

    [TearDown]
    public void DeleteFolder()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    private protected static CommandRun Report(params string[] args) => CommandRun.Of([.. args.Prepend("report"), "--as-of", "2026-06-30"]);
}
