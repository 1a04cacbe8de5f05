using System.CommandLine;
using CrmStateSync.Configuration;

namespace CrmStateSync.Commands;

/// <summary>
/// What a command line that does not parse gets, on stderr with exit 2: each problem once, a word that is not a command
/// or option with the closest one (<c>'snyc' is not a command; did you mean 'sync'?</c>), and where the usage is.
/// </summary>
internal static class CommandLineErrors
{
    public static int Report(ParseResult parse, TextWriter error)
    {
        var command = parse.CommandResult.Command;
        var unmatched = parse.UnmatchedTokens;
        foreach (var token in unmatched)
        {
            error.WriteLine(Unknown(token, command));
        }

        // The parser's own line for an unmatched word, and "Required command was not provided" beside it, say less.
        foreach (var message in parse.Errors.Select(e => e.Message).Distinct())
        {
            if (!unmatched.Any(t => message.Contains($"'{t}'", StringComparison.Ordinal)) && !(unmatched.Count > 0 && command.Subcommands.Count > 0 && command.Action is null))
            {
                error.WriteLine(message);
            }
        }

        error.WriteLine($"See '{Path(command)} --help'.");
        return ExitCodes.ConfigurationError;
    }

    /// <summary>
    /// For <c>help COMMAND …</c>: exit 2 with the closest command when a word of <paramref name="path"/> is not a
    /// command (System.CommandLine would show the root's help for <c>snyc --help</c>); null when every word is one.
    /// </summary>
    public static int? UnknownCommand(Command root, IEnumerable<string> path, TextWriter error)
    {
        var command = root;
        foreach (var word in path)
        {
            if (command.Subcommands.FirstOrDefault(c => c.Name == word || c.Aliases.Contains(word)) is not { } next)
            {
                error.WriteLine(Unknown(word, command));
                error.WriteLine($"See '{Path(command)} --help'.");
                return ExitCodes.ConfigurationError;
            }

            command = next;
        }

        return null;
    }

    private static string Unknown(string token, Command command)
    {
        var isOption = token.StartsWith('-');
        var names = isOption
            ? command.Options.SelectMany(o => o.Aliases.Prepend(o.Name))
            : command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name);
        var what = isOption ? "an option" : command.Subcommands.Count > 0 ? "a command" : "an argument";
        var closest = Suggestions.Closest(token, names);
        return $"'{token}' is not {what} of '{Path(command)}'{(closest is null ? "" : $"; did you mean '{closest}'?")}";
    }

    private static List<string> CommandNames(Command command)
    {
        var names = new List<string>();
        for (var c = command; c is not null and not RootCommand; c = c.Parents.OfType<Command>().FirstOrDefault())
        {
            names.Insert(0, c.Name);
        }

        return names;
    }

    private static string Path(Command command) => string.Join(' ', CommandNames(command).Prepend("crmstatesync"));
}
