using Baiqiang.Core.Regions;
using Baiqiang.Storage;
using Baiqiang.Storage.Cluster;
using Baiqiang.Storage.Notifications;
using Baiqiang.Web.Auth;
using Baiqiang.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Web.Notifications;

/// <summary>A notification as the list shows it.</summary>
public sealed record NotificationItem(long Id, string Cause, string CauseZh, string Subject, string Period, string Recipient, string Text, string TextEn, string? Link, DateTimeOffset CreatedAt, bool Read);

/// <summary>The caller's notifications, newest first, and how many are unread.</summary>
public sealed record NotificationList(int Unread, IReadOnlyList<NotificationItem> Items);

/// <summary>Marks the given notifications (all when <c>Ids</c> is null) read.</summary>
public sealed record MarkReadRequest(IReadOnlyList<long>? Ids = null);

/// <summary>What a reminder run did: new reminders by cause, notifications and deliveries added, escalations, and sends.</summary>
public sealed record ReminderRunResponse(DateOnly Today, IReadOnlyDictionary<string, int> CreatedByCause, int Created, int Notifications, int Deliveries, int Escalations, int Sent, int Failed, int Pending);

/// <summary>
/// <c>/api/notifications</c> (the caller's list with the unread count, mark read) and <c>/api/reminders/run</c> (administrators:
/// the sweep and a delivery pass now, as of <c>today</c>); the notifications page's nav entry; the scheduled sweep.
/// </summary>
public static class NotificationsApi
{
    /// <summary>Registers the scheduled sweep (<see cref="ReminderService"/>) and its HTTP client.</summary>
    public static void AddBaiqiangReminders(this WebApplicationBuilder builder)
    {
        builder.Services.AddHttpClient(ReminderService.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(15));
        builder.Services.AddHostedService<ReminderService>();
        builder.Services.AddScoped<UnreadCounter>();
    }

    public static void MapNotificationsApi(this WebApplication app)
    {
        NavRegistry.Add(new NavItem("/Notifications", "通知", "Notices", _ => true));
        var api = app.MapGroup("/api/notifications").WithTags("notifications").RequireAuthorization().RequireAntiforgeryForCookies();
        api.MapGet("/", ListAsync).WithName("ListNotifications");
        api.MapPost("/read", MarkReadAsync).WithName("MarkNotificationsRead");
        app.MapGroup("/api/reminders").WithTags("notifications").RequireAuthorization(AuthSetup.AdminPolicy).RequireAntiforgeryForCookies()
            .MapPost("/run", RunAsync).WithName("RunReminders");
    }

    internal static async Task<Ok<NotificationList>> ListAsync(bool? unread, HttpContext http, BaiqiangDbContext db, CancellationToken ct)
    {
        var actor = http.User.ToActor();
        var rows = await NotificationStore.ListAsync(db, actor, unread ?? false, 200, ct);
        return TypedResults.Ok(new NotificationList(await NotificationStore.UnreadCountAsync(db, actor, ct), [.. rows.Select(ToItem)]));
    }

    internal static async Task<Ok<NotificationList>> MarkReadAsync(MarkReadRequest request, HttpContext http, BaiqiangDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var actor = http.User.ToActor();
        await NotificationStore.MarkReadAsync(db, actor, request.Ids, clock, ct);
        var rows = await NotificationStore.ListAsync(db, actor, false, 200, ct);
        return TypedResults.Ok(new NotificationList(await NotificationStore.UnreadCountAsync(db, actor, ct), [.. rows.Select(ToItem)]));
    }

    internal static async Task<Results<Ok<ReminderRunResponse>, ValidationProblem>> RunAsync(
        string? today, BaiqiangDbContext db, StoreOptions store, TimeProvider clock, IHttpClientFactory httpFactory, WebIdentityDbContext identity, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var fallback = await AsOfDays.DefaultDayAsync(db, clock, ct);
        if (Projects.ProjectViews.ParseAsOf(today, fallback, errors) is not { } day)
        {
            return TypedResults.ValidationProblem(errors);
        }

        // Waits for a sweep running on another node (or this one's schedule), then finds its reminders already there.
        var (result, sent) = await StoreLocks.RunExclusiveAsync(store, StoreLocks.ReminderKey, async () =>
        {
            await ReminderService.SyncRecipientsAsync(identity, db, ct);
            var swept = await ReminderSweep.RunAsync(Projects.ProjectViews.Tracking(db), day, clock, ct);
            return (swept, await new ReminderDelivery(httpFactory.CreateClient(ReminderService.HttpClientName), clock).DeliverAsync(db, ct));
        }, ct);
        return TypedResults.Ok(new ReminderRunResponse(day, result.CreatedByCause, result.Created, result.Notifications, result.Deliveries, result.Escalations, sent.Sent, sent.Failed, sent.StillPending));
    }

    public static NotificationItem ToItem(NotificationEntity n) =>
        new(n.Id, n.Cause, ReminderCauses.Zh(n.Cause), n.Subject, n.Period, n.Recipient, n.Text, n.TextEn, n.Link, n.CreatedAt, n.ReadAt is not null);
}

/// <summary>
/// The scheduled reminder sweep in the web host: every <c>Reminders:IntervalMinutes</c> (default 15; 0 switches it off) it
/// sends what is pending (retries included), and once per as-of day (the store's <c>as-of</c> setting, else today) it runs
/// the sweep first, after bringing the recipients in step with the users. The day last swept is kept in the store
/// (<c>reminders.last-run</c>), so a restart does not sweep the same day again (and the sweep adds nothing twice anyway).
/// </summary>
public sealed class ReminderService(IServiceScopeFactory scopes, StoreOptions store, IConfiguration configuration, TimeProvider clock, ILogger<ReminderService> log) : BackgroundService
{
    public const string HttpClientName = "reminders";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var minutes = configuration.GetValue("Reminders:IntervalMinutes", 15);
        if (minutes <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(minutes), clock);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "提醒任务失败 / the reminder run failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>
    /// One tick: the sweep when this as-of day has not been swept, then a delivery pass; on PostgreSQL only when no other node
    /// is running its tick (<see cref="StoreLocks.ReminderKey"/>, tried, not waited for). False when another node held it.
    /// </summary>
    public Task<bool> RunOnceAsync(CancellationToken ct) =>
        StoreLocks.TryRunExclusiveAsync(store, StoreLocks.ReminderKey, () => RunUnlockedAsync(ct), ct);

    private async Task RunUnlockedAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = Projects.ProjectViews.Tracking(scope.ServiceProvider.GetRequiredService<BaiqiangDbContext>());
        var day = await AsOfDays.DefaultDayAsync(db, clock, ct);
        var stamp = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        if (await Storage.Settings.StoreSettings.GetAsync(db, Storage.Settings.StoreSettings.LastRunKey, ct) != stamp)
        {
            await SyncRecipientsAsync(scope.ServiceProvider.GetRequiredService<WebIdentityDbContext>(), db, ct);
            var result = await ReminderSweep.RunAsync(db, day, clock, ct);
            await Storage.Settings.StoreSettings.SetAsync(db, Storage.Settings.StoreSettings.LastRunKey, stamp, "system", ct);
            if (log.IsEnabled(LogLevel.Information))
            {
                log.LogInformation("提醒 / reminders {Day}: {Created}", stamp, result.Created);
            }
        }

        var http = scope.ServiceProvider.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName);
        await new ReminderDelivery(http, clock).DeliverAsync(db, ct);
    }

    /// <summary>Recipients are the users with a region or department scope (the responsible users), with their email.</summary>
    public static async Task SyncRecipientsAsync(WebIdentityDbContext identity, BaiqiangDbContext db, CancellationToken ct)
    {
        var claims = await identity.UserClaims.AsNoTracking()
            .Where(c => c.ClaimType == BaiqiangClaims.Region || c.ClaimType == BaiqiangClaims.Department)
            .Select(c => new { c.UserId, c.ClaimType, c.ClaimValue }).ToListAsync(ct);
        var ids = claims.Select(c => c.UserId).Distinct().ToList();
        var users = await identity.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.UserName, u.Email }).ToListAsync(ct);
        var recipients = users.Where(u => u.UserName is not null).Select(u => new NotificationRecipient(
            u.UserName!, u.Email,
            claims.Where(c => c.UserId == u.Id && c.ClaimType == BaiqiangClaims.Region && RegionCode.TryParse(c.ClaimValue, out _))
                .Select(c => RegionCode.Parse(c.ClaimValue!)).ToHashSet(),
            claims.Where(c => c.UserId == u.Id && c.ClaimType == BaiqiangClaims.Department && c.ClaimValue != null).Select(c => c.ClaimValue!).ToHashSet(StringComparer.Ordinal)))
            .ToList();
        await NotificationStore.SyncRecipientsAsync(Projects.ProjectViews.Tracking(db), recipients, ct);
    }
}
