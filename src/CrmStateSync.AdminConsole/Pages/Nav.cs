using Microsoft.AspNetCore.Mvc.Rendering;

namespace CrmStateSync.AdminConsole.Pages;

/// <summary>Which navigation link is the current section's.</summary>
internal static class Nav
{
    public static string? Active(ViewContext context, string section)
    {
        var page = context.RouteData.Values["page"] as string ?? "";
        return page == section || page.StartsWith(section + "/", StringComparison.Ordinal) ? "active" : null;
    }
}
