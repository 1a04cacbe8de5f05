using System.CommandLine;
using CrmStateSync.Commands;
using CrmStateSync.Logging;
using Microsoft.Extensions.Logging;

namespace CrmStateSync;

/// <summary>The one executable: every command of sync.md's command line.</summary>
public static partial class Program
{
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error, TimeProvider.System);

    /// <summary>Runs a command line with the given output streams and clock (tests call this directly).</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error, TimeProvider clock)
    {
        using var logging = WorkerLogging.Create(json: Console.IsErrorRedirected);
        var root = new RootCommand("CrmStateSync: keeps customer-lifecycle fields on CRM account records true")
        {
            // evaluate streams its results as bytes: through Console.Out they would reach the OS 256 chars at a time.
            EvaluateCommand.Create(output, error, clock, logging, ReferenceEquals(output, Console.Out) ? Console.OpenStandardOutput : null),
            DemoCommand.Create(output, error, logging),
            BackfillCommand.Create(output, error, logging, clock),
            SyncCommand.Create(output, error, clock),
            RunCommand.Create(error, clock),
            ConflictsCommand.Create(output, error, clock),
            ProblemsCommand.Create(output, error),
            SandboxCommand.Create(output, error, clock),
            HealthCommand.Create(output, error, clock),
            SchemaCommand.Create(output, error, clock),
            ReportCommand.Create(output, error, clock),
            ConsoleCommand.Create(output, error, clock),
        };
        root.Subcommands.Add(HelpCommand(args => Run(args, output, error, clock), error));
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            return CommandLineErrors.Report(parse, error);
        }

        try
        {
            // Exceptions reach here, not System.CommandLine's default handler, so they are logged and mapped to a code.
            // `run` and `sync` stop on their own terms (StopSignal: after the current chunk, within Worker:ShutdownTimeout);
            // System.CommandLine's handler would end the process 2 s after the signal, in the middle of a chunk.
            var configuration = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
            if (parse.CommandResult.Command.Name is "run" or "sync")
            {
                configuration.ProcessTerminationTimeout = null;
            }

            return parse.Invoke(configuration);
        }
        catch (Exception ex) when (Hosting.Failures.IsEnvironmentProblem(ex))
        {
            // A command without its own handling still names the file and gets the exit code, not "a bug".
            return Hosting.Failures.Report(ex, error);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var logger = logging.CreateLogger("CrmStateSync");
            LogUnexpected(logger, ex);
            error.WriteLine($"unexpected failure: {Crm.Http.Redactor.Redact(ex.Message)}");
            return ExitCodes.Unexpected;
        }
    }

    /// <summary><c>help [COMMAND …]</c>: the help of the root or of the command named, as <c>COMMAND … --help</c> shows it.</summary>
    private static Command HelpCommand(Func<string[], int> run, TextWriter error)
    {
        var path = new Argument<string[]>("command") { Description = "The command to explain, e.g. sync or conflicts list", Arity = ArgumentArity.ZeroOrMore };
        var help = new Command("help", "Show help for a command: help sync, help conflicts list") { path };
        help.SetAction(parse =>
        {
            var words = parse.GetValue(path) ?? [];
            return CommandLineErrors.UnknownCommand(parse.RootCommandResult.Command, words, error) ?? run([.. words, "--help"]);
        });
        return help;
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Unexpected failure; this is a bug")]
    private static partial void LogUnexpected(ILogger logger, Exception exception);
}
