namespace CrmStateSync.Crm.Contract;

/// <summary>The CRM objects the worker reads (and, for accounts, writes).</summary>
public enum CrmObject
{
    /// <summary>Salesforce Account / HubSpot company.</summary>
    Account,

    /// <summary>Salesforce Opportunity / HubSpot deal.</summary>
    Opportunity,

    /// <summary>Salesforce Contact / HubSpot contact.</summary>
    Contact,

    /// <summary>The usage custom object (Salesforce <c>CS_Usage__c</c> / HubSpot <c>cs_usage</c>).</summary>
    Usage,
}
