using CrmStateSync.Rules.Evaluation;
using CrmStateSync.Rules.Model;
using CrmStateSync.Rules.Signals;

namespace CrmStateSync.Rules.States;

/// <summary>04 Multi-Stakeholder Engagement: 2+ active contacts from 2+ functions and an exec sponsor engaged within 60 days.</summary>
internal static class MultiStakeholderRule
{
    private const CsState State = CsState.MultiStakeholderEngagement;

    public static StateOutcome Evaluate(in StateInputs x)
    {
        if (UnreplacedDeparture(x) is { } departure)
        {
            var reason = new Reason(ReasonCode.MseDeparture, departure.DepartedOn, Text: departure.Role.ToString());
            return x.Outcome(State, StateValue.Reset, departure.DepartedOn, reason, InterventionKind.StakeholderReengagement);
        }

        if (NeverEstablished(x))
        {
            return x.Outcome(State, StateValue.Reset, null, new Reason(ReasonCode.MseNeverEstablished));
        }

        var s = x.Signals;
        var active = s.ActiveContacts30d;
        var execAgo = s.ExecSponsorEngagedDaysAgo;
        if (active < x.T.MinActiveContacts || execAgo is null || execAgo > x.T.ExecSponsorEngagedDays)
        {
            var reason = new Reason(ReasonCode.MseSlipping, null, active, execAgo ?? -1, x.T.ExecSponsorEngagedDays);
            return x.Outcome(State, StateValue.Slipping, x.EnteredOn(State, StateValue.Slipping), reason);
        }

        var functions = s.ActiveFunctions30d;
        return functions >= x.T.MinActiveFunctions
            ? x.Outcome(State, StateValue.Hit, x.EnteredOn(State, StateValue.Hit), new Reason(ReasonCode.MseHit, null, active, functions, execAgo.Value))
            : x.Grace(State, x.AsOf, new Reason(ReasonCode.MseGrace, null, active, functions, x.T.MinActiveFunctions));
    }

    /// <summary>The latest departure of an exec sponsor or champion not yet replaced by a contact of that role engaged after it.</summary>
    private static Contact? UnreplacedDeparture(in StateInputs x)
    {
        Contact? latest = null;
        for (var ic = 0; ic < x.Snapshot.Contacts.Count; ic++)
        {
            var c = x.Snapshot.Contacts[ic];
            if (c.Role is ContactRole.ExecSponsor or ContactRole.Champion && x.Known(c.DepartedOn) is { } departed
                && !IsReplaced(x, c.Role.Value, departed) && (latest is null || departed > latest.DepartedOn))
            {
                latest = c;
            }
        }

        return latest;
    }

    private static bool IsReplaced(in StateInputs x, ContactRole role, DateOnly departedOn)
    {
        for (var ic = 0; ic < x.Snapshot.Contacts.Count; ic++)
        {
            var c = x.Snapshot.Contacts[ic];
            if (c.Role == role && !ContactSignals.IsDeparted(c, x.AsOf) && x.Known(c.LastEngagedOn) > departedOn)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>No contact ever active (departed ones count) and no exec sponsor ever engaged.</summary>
    private static bool NeverEstablished(in StateInputs x)
    {
        for (var ic = 0; ic < x.Snapshot.Contacts.Count; ic++)
        {
            var c = x.Snapshot.Contacts[ic];
            if (x.Known(c.LastActiveOn) is not null || (c.Role == ContactRole.ExecSponsor && x.Known(c.LastEngagedOn) is not null))
            {
                return false;
            }
        }

        return true;
    }
}
