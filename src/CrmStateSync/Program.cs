using System.CommandLine;
using CrmStateSync.Commands;
using CrmStateSync.Logging;

namespace CrmStateSync;

/// <summary>The one executable: every command of sync.md's command line.</summary>
public static class Program
{
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error, TimeProvider.System);

    /// <summary>Runs a command line with the given output streams and clock (tests call this directly).</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error, TimeProvider clock)
    {
        using var logging = WorkerLogging.Create(json: Console.IsErrorRedirected);
        var root = new RootCommand("CrmStateSync: keeps customer-lifecycle fields on CRM account records true")
        {
            EvaluateCommand.Create(output, error, clock),
            DemoCommand.Create(output, logging),
            SyncCommand.Create(output, error, logging, clock),
            ConflictsCommand.Create(output, error, clock),
        };
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors)
            {
                error.WriteLine(e.Message);
            }

            return ExitCodes.ConfigurationError;
        }

        return parse.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }
}
