using System.Reflection;

namespace CrmStateSync.Sync.Tests.DryRun;

/// <summary>
/// Any interface, recording the name of every member called on it; each call answers <see cref="Answer"/>'s value, else
/// the default of its type (a completed task, a task of the default value).
/// </summary>
public class CallSpy : DispatchProxy
{
    public List<string> Calls { get; } = [];

    public Func<MethodInfo, object?>? Answer { get; set; }

    public static (T Proxy, CallSpy Spy) Of<T>()
        where T : class
    {
        var proxy = Create<T, CallSpy>();
        return (proxy, (CallSpy)(object)proxy);
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        Calls.Add(targetMethod.Name);
        if (Answer?.Invoke(targetMethod) is { } answer)
        {
            return answer;
        }

        var type = targetMethod.ReturnType;
        if (type == typeof(Task))
        {
            return Task.CompletedTask;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Task<>))
        {
            var result = type.GenericTypeArguments[0];
            var value = result.IsValueType ? Activator.CreateInstance(result) : null;
            return typeof(Task).GetMethod(nameof(Task.FromResult))!.MakeGenericMethod(result).Invoke(null, [value]);
        }

        return type.IsValueType ? Activator.CreateInstance(type) : null;
    }
}
