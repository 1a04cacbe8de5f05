using CrmStateSync.Rules.Model;

namespace CrmStateSync.Sync.Engine;

/// <summary>
/// The token that ends the subject of every task the worker creates, <c>[crmstatesync:AdoptionIntervention:0015g00000AbCdE]</c>:
/// stable per account and kind (the store keeps one open task per pair), so after a crash the connector can find the
/// task the CRM created but whose id the store never recorded.
/// </summary>
public static class TaskMarker
{
    public static string For(string accountId, InterventionKind kind) => $"[crmstatesync:{kind}:{accountId}]";
}
