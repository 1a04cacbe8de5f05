using System.Collections;
using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace CrmStateSync.Configuration;

/// <summary>
/// Checks a configuration section against the options class it binds to, before binding, in the operator's terms: a key
/// the class does not have (<c>Worker:Intervall: unknown key; did you mean Worker:Interval?</c>) and a value that does
/// not convert, with the value and the form expected (an enum's valid values, a duration's forms). A bad value is
/// removed so binding goes on and the keys that are set still count — one problem per bad key, no knock-on problems,
/// and never the binder's own text. Durations (<see cref="Durations"/>: <c>15m</c>) are rewritten to the binder's form.
/// </summary>
internal static class ConfigurationCheck
{
    /// <summary>Every unknown key and unconvertible value under <paramref name="section"/>, each with its full key.</summary>
    public static List<string> Problems(IConfigurationSection section, Type type)
    {
        ArgumentNullException.ThrowIfNull(section);
        var problems = new List<string>();
        CheckChildren(section, type, problems);
        return problems;
    }

    // fallback: the key's default as text, what a bad value is replaced with (null inside a collection).
    private static void Check(IConfigurationSection section, Type type, List<string> problems, string? fallback = null)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (IsScalar(target))
        {
            if (section.Value is { } text && Convert(text, target) is { } problem)
            {
                problems.Add($"{section.Path}: '{text}' {problem}");
                // The default stays in force (a removed value would bind as 0 and be reported again as out of range).
                section.Value = fallback;
            }
            else if (target == typeof(TimeSpan) && Durations.TryParse(section.Value, out var duration))
            {
                section.Value = duration.ToString("c", CultureInfo.InvariantCulture);
            }

            return;
        }

        CheckChildren(section, target, problems);
    }

    private static void CheckChildren(IConfigurationSection section, Type type, List<string> problems)
    {
        if (ElementType(type) is { } element)
        {
            foreach (var child in section.GetChildren())
            {
                Check(child, element, problems);
            }

            return;
        }

        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0)
            .ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        var defaults = type.GetConstructor(Type.EmptyTypes) is { } constructor ? constructor.Invoke(null) : null;
        foreach (var child in section.GetChildren())
        {
            if (properties.TryGetValue(child.Key, out var property))
            {
                Check(child, property.PropertyType, problems, defaults is null ? null : Text(property.GetValue(defaults)));
            }
            else
            {
                problems.Add(Unknown(section, child, properties.Keys));
            }
        }
    }

    private static string Unknown(IConfigurationSection section, IConfigurationSection child, IEnumerable<string> known) =>
        Suggestions.Closest(child.Key, known) is { } closest
            ? $"{child.Path}: unknown key; did you mean {section.Path}:{closest}?"
            : $"{child.Path}: unknown key (the keys of {section.Path} are {string.Join(", ", known)})";

    private static string? Text(object? value) => value switch
    {
        TimeSpan span => span.ToString("c", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value?.ToString(),
    };

    /// <summary>The element type of a dictionary (by string key) or a list, array or set; null for a class.</summary>
    private static Type? ElementType(Type type)
    {
        if (type.IsArray)
        {
            return type.GetElementType();
        }

        if (!typeof(IEnumerable).IsAssignableFrom(type) || !type.IsGenericType)
        {
            return null;
        }

        var arguments = type.GetGenericArguments();
        return arguments.Length == 2 ? arguments[1] : arguments[0];
    }

    private static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan)
        || type == typeof(DateOnly) || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(Uri) || type == typeof(Guid);

    /// <summary>Null when <paramref name="text"/> converts to <paramref name="type"/>; else what it should have been.</summary>
    private static string? Convert(string text, Type type)
    {
        if (type == typeof(string))
        {
            return null;
        }

        if (type == typeof(TimeSpan))
        {
            return Durations.TryParse(text, out _) ? null : $"is not {Durations.Forms}";
        }

        if (type.IsEnum)
        {
            var names = Enum.GetNames(type);
            return Enum.TryParse(type, text, ignoreCase: true, out _) && !text.TrimStart().StartsWith('-') && !char.IsAsciiDigit(text.TrimStart().FirstOrDefault())
                ? null
                : $"is not one of {string.Join(", ", names)}{(Suggestions.Closest(text, names) is { } closest ? $"; did you mean {closest}?" : "")}";
        }

        if (type == typeof(Uri))
        {
            return Uri.TryCreate(text, UriKind.Absolute, out _) ? null : "is not an absolute URL (e.g. https://login.salesforce.com)";
        }

        try
        {
            _ = TypeDescriptor.GetConverter(type).ConvertFromInvariantString(text);
            return null;
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or NotSupportedException || ex.InnerException is FormatException or OverflowException)
        {
            return $"is not {Expected(type)}";
        }
    }

    private static string Expected(Type type) => type switch
    {
        _ when type == typeof(int) || type == typeof(long) || type == typeof(short) => "a whole number",
        _ when type == typeof(double) || type == typeof(float) || type == typeof(decimal) => "a number (e.g. 0.5)",
        _ when type == typeof(bool) => "true or false",
        _ when type == typeof(DateOnly) => "a date (YYYY-MM-DD)",
        _ => $"a valid {type.Name}",
    };
}
