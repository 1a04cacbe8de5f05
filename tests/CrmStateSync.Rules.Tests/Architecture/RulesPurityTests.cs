using System.Reflection;
using CrmStateSync.Rules.Evaluation;

namespace CrmStateSync.Rules.Tests.Architecture;

/// <summary>The rules library is pure: it references the base library and its expression engine, nothing else.</summary>
public class RulesPurityTests
{
    private static readonly Assembly RulesAssembly = typeof(RulesEngine).Assembly;

    [Test]
    public void RulesAssembly_References_OnlyTheBaseLibraryAndTheExpressionEngine()
    {
        var references = RulesAssembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        var allowed = new[] { "System.Runtime", "System.Collections", "System.Linq", "System.Linq.Expressions", "System.Linq.Dynamic.Core", "System.Memory", "System.Text.RegularExpressions", "System.Runtime.InteropServices", "System.Collections.Concurrent" };
        Assert.That(references, Is.SubsetOf(allowed), "unexpected references: " + string.Join(", ", references.Except(allowed)));
    }

    [Test]
    public void RulesAssembly_HasNoTypeFromIoOrTheClockInItsSignatures()
    {
        var forbidden = new[] { "System.IO", "System.Net", "Microsoft.Extensions", "Serilog", "Microsoft.Data", "Dapper" };
        var used = RulesAssembly.GetTypes()
            .SelectMany(t => t.GetMembers(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .SelectMany(MemberTypes)
            .Select(t => t.Namespace ?? "")
            .Distinct()
            .ToList();
        Assert.That(used.Where(ns => forbidden.Any(ns.StartsWith)), Is.Empty);
    }

    private static IEnumerable<Type> MemberTypes(MemberInfo member) => member switch
    {
        FieldInfo f => [f.FieldType],
        PropertyInfo p => [p.PropertyType],
        MethodInfo m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType),
        ConstructorInfo c => c.GetParameters().Select(p => p.ParameterType),
        _ => [],
    };
}
