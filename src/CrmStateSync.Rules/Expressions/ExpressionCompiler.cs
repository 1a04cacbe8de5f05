using System.Linq.Dynamic.Core;
using System.Linq.Dynamic.Core.Exceptions;

namespace CrmStateSync.Rules.Expressions;

/// <summary>
/// Compiles configuration expressions over <see cref="Signals.Signals"/> into delegates, once, with
/// System.Linq.Dynamic.Core. A parse error becomes a problem naming the configuration key and the position.
/// </summary>
internal sealed class ExpressionCompiler(List<string> problems)
{
    private static readonly ParsingConfig Config = new() { ResolveTypesBySimpleName = true };

    public Func<Signals.Signals, bool>? Bool(string? expression, string key) => Compile<bool>(expression, key);

    public Func<Signals.Signals, DateOnly?>? Date(string? expression, string key) => Compile<DateOnly?>(expression, key);

    public Func<Signals.Signals, object?>? Value(string expression, string key) => Compile<object?>(expression, key);

    private Func<Signals.Signals, T>? Compile<T>(string? expression, string key)
    {
        if (string.IsNullOrWhiteSpace(expression))
        {
            problems.Add($"{key}: an expression is required");
            return null;
        }

        try
        {
            return DynamicExpressionParser.ParseLambda<Signals.Signals, T>(Config, false, expression).Compile();
        }
        catch (ParseException ex)
        {
            problems.Add($"{key}: '{expression}' does not compile: {ex.Message} (at position {ex.Position})");
        }
        catch (InvalidOperationException ex)
        {
            problems.Add($"{key}: '{expression}' does not compile: {ex.Message}");
        }
        catch (ArgumentException ex)
        {
            problems.Add($"{key}: '{expression}' does not compile: {ex.Message}");
        }

        return null;
    }
}
