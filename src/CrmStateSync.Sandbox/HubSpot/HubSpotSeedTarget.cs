using CrmStateSync.Sandbox.Data;
using CrmStateSync.Sandbox.Seed;

namespace CrmStateSync.Sandbox.HubSpot;

/// <summary>HubSpot's side of loading a seed: numeric ids, owners as numeric user ids, children linked by association.</summary>
internal sealed class HubSpotSeedTarget(HubSpotPortal portal) : ISeedTarget
{
    public CanonicalFields Fields { get; } = new(portal.Mapping);

    public string SeedUser => HubSpotPortal.SeedUser;

    public SandboxTable Table(string canonicalObject) => portal.TableOf(canonicalObject);

    public string NextId(string canonicalObject) => portal.NextId();

    public string OwnerId(string owner) => (500 + Math.Abs(owner.Sum(c => c) % 100)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public void Associate(string canonicalObject, string id, string accountId) => portal.Associate(portal.Mapping.Objects[canonicalObject], id, accountId);
}
