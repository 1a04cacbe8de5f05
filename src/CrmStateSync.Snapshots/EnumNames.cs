namespace CrmStateSync.Snapshots;

/// <summary>An enum's member names and the words a problem uses for them, made once per enum rather than per value read.</summary>
internal static class EnumNames<T>
    where T : struct, Enum
{
    public static readonly string[] Names = Enum.GetNames<T>();

    /// <summary>What a value must be, as a problem says it: <c>one of None, Live, Broken, Removed</c>.</summary>
    public static readonly string OneOf = "one of " + string.Join(", ", Names);
}
