using CrmStateSync.Rules.Evaluation;
using CrmStateSync.Rules.Model;

namespace CrmStateSync.Rules.States;

/// <summary>A state's computed value, its verified-on date and why.</summary>
/// <param name="State">Which of the six.</param>
/// <param name="Value">Hit, Slipping or Reset.</param>
/// <param name="VerifiedOn">The date of the newest evidence behind the value; null when never established.</param>
/// <param name="Reason">Why, rendered on demand.</param>
/// <param name="RaisesOnEntry">The intervention entering this value raises (rules.md §7), if any.</param>
/// <param name="InterventionDue">Its due date.</param>
public readonly record struct StateOutcome(
    CsState State,
    StateValue Value,
    DateOnly? VerifiedOn,
    Reason Reason,
    InterventionKind? RaisesOnEntry = null,
    DateOnly? InterventionDue = null)
{
    /// <summary>The reading as it is written to the CRM.</summary>
    public StateReading Reading => new(Value, VerifiedOn);
}
