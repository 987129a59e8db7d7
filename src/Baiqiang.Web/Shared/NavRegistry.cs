using System.Security.Claims;

namespace Baiqiang.Web.Shared;

/// <summary>A navigation entry a feature adds for its pages.</summary>
public sealed record NavItem(string Href, string Zh, string En, Func<ClaimsPrincipal, bool> Visible);

/// <summary>
/// Extra navigation entries: a module adds its pages' entry from its <c>MapXxx</c> method
/// (<c>NavRegistry.Add(new("/Projects", "重点项目", "Key projects", _ => true))</c>) so the layout needs no edit.
/// </summary>
public static class NavRegistry
{
    private static readonly List<NavItem> Entries = [];

    public static IReadOnlyList<NavItem> Items
    {
        get
        {
            lock (Entries)
            {
                return [.. Entries];
            }
        }
    }

    public static void Add(NavItem item)
    {
        lock (Entries)
        {
            if (!Entries.Exists(e => string.Equals(e.Href, item.Href, StringComparison.OrdinalIgnoreCase)))
            {
                Entries.Add(item);
            }
        }
    }
}
