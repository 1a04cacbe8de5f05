using System.Globalization;
using NUnit.Framework.Interfaces;

namespace CrmStateSync.Crm.Tests;

/// <summary>
/// Runs a test under a culture with a decimal comma and dotted day-first dates, so a conversion that forgets the
/// invariant culture fails. Built by hand: the test host may run in globalization-invariant mode (no de-DE).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class NonInvariantCultureAttribute : Attribute, ITestAction
{
    private CultureInfo? _saved;

    public ActionTargets Targets => ActionTargets.Test;

    public void BeforeTest(ITest test)
    {
        _saved = CultureInfo.CurrentCulture;
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.NumberFormat.NumberDecimalSeparator = ",";
        culture.NumberFormat.NumberGroupSeparator = ".";
        culture.DateTimeFormat.DateSeparator = ".";
        culture.DateTimeFormat.ShortDatePattern = "dd.MM.yyyy";
        CultureInfo.CurrentCulture = culture;
    }

    public void AfterTest(ITest test) => CultureInfo.CurrentCulture = _saved!;
}
