using CrmStateSync.Crm.Contract;
using CrmStateSync.Crm.Schema;

namespace CrmStateSync.Crm.Tests.Schema;

/// <summary>
/// The schema's type, picklist and lookup target of every input key of the default mappings (crm-schema.md). Since
/// issue 14 item 3 the input fields' come from the field catalogue; this pins them as they were listed before.
/// </summary>
public sealed class FieldTypesTests
{
    [TestCase("id", CrmFieldType.Reference, null, null)]
    [TestCase("accountId", CrmFieldType.Reference, null, "Account")]
    [TestCase("lastModifiedBy", CrmFieldType.Reference, null, "User")]
    [TestCase("modifiedAt", CrmFieldType.DateTime, null, null)]
    [TestCase("name", CrmFieldType.Text, null, null)]
    [TestCase("segment", CrmFieldType.Picklist, "segment", null)]
    [TestCase("ownerId", CrmFieldType.Reference, null, "User")]
    [TestCase("goalOwnerId", CrmFieldType.Reference, null, "Contact")]
    [TestCase("primaryGoal", CrmFieldType.Text, null, null)]
    [TestCase("goalReviewedOn", CrmFieldType.Date, null, null)]
    [TestCase("goalChangedOn", CrmFieldType.Date, null, null)]
    [TestCase("leadershipChangeOn", CrmFieldType.Date, null, null)]
    [TestCase("kickoffOn", CrmFieldType.Date, null, null)]
    [TestCase("onboardingCompleteOn", CrmFieldType.Date, null, null)]
    [TestCase("workflowsLive", CrmFieldType.Boolean, null, null)]
    [TestCase("configVerifiedOn", CrmFieldType.Date, null, null)]
    [TestCase("workflowGapOn", CrmFieldType.Date, null, null)]
    [TestCase("integrationStatus", CrmFieldType.Picklist, "integrationStatus", null)]
    [TestCase("integrationChangedOn", CrmFieldType.Date, null, null)]
    [TestCase("inNewHireOnboarding", CrmFieldType.Boolean, null, null)]
    [TestCase("lastOutcomeOn", CrmFieldType.Date, null, null)]
    [TestCase("lastOutcome", CrmFieldType.Text, null, null)]
    [TestCase("atRiskReason", CrmFieldType.Text, null, null)]
    [TestCase("overrideReason", CrmFieldType.Text, null, null)]
    [TestCase("isClosed", CrmFieldType.Boolean, null, null)]
    [TestCase("isWon", CrmFieldType.Boolean, null, null)]
    [TestCase("closeDate", CrmFieldType.Date, null, null)]
    [TestCase("type", CrmFieldType.Picklist, "opportunityType", null)]
    [TestCase("contractStart", CrmFieldType.Date, null, null)]
    [TestCase("contractEnd", CrmFieldType.Date, null, null)]
    [TestCase("function", CrmFieldType.Text, null, null)]
    [TestCase("role", CrmFieldType.Picklist, "stakeholderRole", null)]
    [TestCase("lastActiveOn", CrmFieldType.Date, null, null)]
    [TestCase("lastEngagedOn", CrmFieldType.Date, null, null)]
    [TestCase("departedOn", CrmFieldType.Date, null, null)]
    [TestCase("date", CrmFieldType.Date, null, null)]
    [TestCase("activeUsers", CrmFieldType.Number, null, null)]
    [TestCase("valueActions", CrmFieldType.Number, null, null)]
    [TestCase("coreEvents", CrmFieldType.Number, null, null)]
    [TestCase("someCustomOn", CrmFieldType.Date, null, null, Description = "a key nobody lists: a date by its name, as before")]
    [TestCase("someCustomText", CrmFieldType.Text, null, null)]
    public void OfInput_Key_HasTheSchemaTypeOfCrmSchemaMd(string key, CrmFieldType type, string? picklist, string? referenceTo)
    {
        Assert.Multiple(() =>
        {
            Assert.That(FieldTypes.OfInput(key), Is.EqualTo(type));
            Assert.That(FieldTypes.PicklistOf(key), Is.EqualTo(picklist));
            Assert.That(FieldTypes.ReferenceOf(key), Is.EqualTo(referenceTo));
        });
    }

    [Test]
    public void PicklistOf_WorkerKeys_AsBefore()
    {
        Assert.Multiple(() =>
        {
            Assert.That(FieldTypes.PicklistOf(ManagedField.Stage), Is.EqualTo("stage"));
            Assert.That(FieldTypes.PicklistOf(ManagedField.State(Rules.Model.CsState.GoalClarity)), Is.EqualTo("stateValue"));
            Assert.That(FieldTypes.PicklistOf(ManagedField.StageReason), Is.Null);
        });
    }
}
