using Baiqiang.Storage;
using Baiqiang.Storage.Notifications;
using Baiqiang.Web.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Baiqiang.Web.Notifications;

/// <summary>通知: the signed-in user's reminders (and, for administrators and reviewers, the office inbox), newest first, with the unread count.</summary>
public sealed class IndexModel(BaiqiangDbContext db, TimeProvider clock) : PageModel
{
    public NotificationList List { get; private set; } = new(0, []);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        await NotificationStore.MarkReadAsync(db, User.ToActor(), null, clock, ct);
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var actor = User.ToActor();
        List = new NotificationList(await NotificationStore.UnreadCountAsync(db, actor, ct),
            [.. (await NotificationStore.ListAsync(db, actor, false, 200, ct)).Select(NotificationsApi.ToItem)]);
    }
}

/// <summary>The unread count the navigation shows beside 通知 (0 for anonymous users).</summary>
public sealed class UnreadCounter(BaiqiangDbContext db, IHttpContextAccessor http)
{
    public async Task<int> CountAsync()
    {
        var user = http.HttpContext?.User;
        return user?.Identity?.IsAuthenticated == true
            ? await NotificationStore.UnreadCountAsync(db, user.ToActor(), http.HttpContext!.RequestAborted)
            : 0;
    }
}
