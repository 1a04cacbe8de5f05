namespace CrmStateSync.Crm.Contract;

/// <summary>
/// The managed fields to write on one account, keyed by <see cref="ManagedField"/>. A value is a string, a
/// <see cref="DateOnly"/>, an int, a bool, or null (clear the field). Only changed fields are sent.
/// </summary>
public sealed record AccountWrite(string AccountId, IReadOnlyDictionary<string, object?> Fields);

/// <summary>An error the CRM returned for a record, kept as the CRM said it.</summary>
/// <param name="Code">The CRM's code (<c>FIELD_CUSTOM_VALIDATION_EXCEPTION</c>, <c>VALIDATION_ERROR</c> …).</param>
/// <param name="Message">The CRM's message.</param>
/// <param name="Fields">The fields it names, if any.</param>
public sealed record CrmError(string Code, string Message, IReadOnlyList<string> Fields);

/// <summary>The outcome of writing one record.</summary>
/// <param name="RecordId">The account id.</param>
/// <param name="Success">The CRM confirmed the write.</param>
/// <param name="Errors">The CRM's errors when it did not.</param>
/// <param name="Transient">True when retrying later may succeed (a locked row, a rate limit, an outage).</param>
public sealed record WriteResult(string RecordId, bool Success, IReadOnlyList<CrmError> Errors, bool Transient)
{
    public static WriteResult Ok(string id) => new(id, true, [], false);

    public static WriteResult Failed(string id, bool transient, params CrmError[] errors) => new(id, false, errors, transient);
}

/// <summary>An intervention to create as a CRM task for the account owner.</summary>
/// <param name="AccountId">The account (Salesforce <c>WhatId</c>; HubSpot task associated to the company).</param>
/// <param name="OwnerId">The account owner (the task's owner).</param>
/// <param name="Subject">Short title, e.g. "Re-establish the departed Champion".</param>
/// <param name="Description">The reason.</param>
/// <param name="Due">Due date.</param>
public sealed record TaskRequest(string AccountId, string? OwnerId, string Subject, string Description, DateOnly Due)
{
    /// <summary>
    /// A token the connector appends to the task's subject so that <see cref="ICrmConnector.FindOpenTaskAsync"/> can find
    /// the task again after a crash lost its id; default none (the subject as given).
    /// </summary>
    public string? Marker { get; init; }

    /// <summary>The subject as stored in the CRM: <see cref="Subject"/>, then the marker when there is one.</summary>
    public string StoredSubject => Marker is { Length: > 0 } marker ? $"{Subject} {marker}" : Subject;
}
