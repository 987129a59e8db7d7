using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Baiqiang.Storage.Settings;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Baiqiang.Storage.Notifications;

/// <summary>What one delivery pass did.</summary>
public sealed record DeliveryResult(int Sent, int Failed, int StillPending);

/// <summary>
/// Sends pending email and webhook deliveries. Each row is claimed (<see cref="DeliveryStatus.Sending"/>, attempt counted) and
/// saved before the send, and marked <see cref="DeliveryStatus.Sent"/> after it, so a row is sent by one sender once. A
/// failed send (server down, refused, a robot's non-zero <c>errcode</c>) puts it back to pending with the error and a
/// later next attempt (1, 2, 4 … minutes, at most an hour): never lost, retried by the next pass.
/// </summary>
/// <remarks>
/// Email goes through the SMTP server of <see cref="StoreSettings.SmtpKey"/> from <see cref="StoreSettings.MailFromKey"/>; while no
/// server is set, email rows wait. A row left <c>Sending</c> by a crashed sender is taken again after ten minutes.
/// </remarks>
public sealed class ReminderDelivery(HttpClient http, TimeProvider clock)
{
    private static readonly TimeSpan StaleClaim = TimeSpan.FromMinutes(10);

    // Chinese as UTF-8 text, not \u escapes: what the robots' own examples send.
    private static readonly JsonSerializerOptions RobotJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All) };

    public async Task<DeliveryResult> DeliverAsync(BaiqiangDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var smtp = await StoreSettings.GetAsync(db, StoreSettings.SmtpKey, ct);
        var from = await StoreSettings.GetAsync(db, StoreSettings.MailFromKey, ct) ?? "baiqiang@localhost";
        var now = clock.GetUtcNow();
        var stale = now - StaleClaim;
        // Unsent rows are few; their times are compared here (SQLite cannot compare DateTimeOffset in SQL).
        var due = (await db.NotificationDeliveries.AsNoTracking().Where(d => d.Status != DeliveryStatus.Sent)
                .Select(d => new { d.Id, d.Status, d.Attempts, d.NextAttemptAt, d.LastAttemptAt }).ToListAsync(ct))
            .Where(d => d.Status == DeliveryStatus.Pending ? d.NextAttemptAt is not { } next || next <= now : d.LastAttemptAt is not { } last || last < stale)
            .OrderBy(d => d.Id).ToList();
        int sent = 0, failed = 0;
        SmtpClient? mail = null;
        try
        {
            foreach (var id in due)
            {
                var row = await ClaimAsync(db, id.Id, id.Status, id.Attempts, now, ct);
                if (row is null)
                {
                    continue;
                }

                if (row.Channel == DeliveryChannel.Email && smtp is null)
                {
                    await ReleaseAsync(db, row, "未设置邮件服务器 reminders.smtp / no SMTP server set (reminders.smtp)", ct);
                    failed++;
                    continue;
                }

                try
                {
                    if (row.Channel == DeliveryChannel.Email)
                    {
                        mail ??= await ConnectAsync(smtp!, ct);
                        await SendMailAsync(mail, from, row, ct);
                    }
                    else
                    {
                        await PostAsync(row, ct);
                    }
                }
                catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or HttpRequestException or SmtpCommandException
                                              or SmtpProtocolException or ServiceNotConnectedException or TaskCanceledException or InvalidOperationException)
                {
                    if (mail is not null && !mail.IsConnected)
                    {
                        mail.Dispose();
                        mail = null;
                    }

                    await ReleaseAsync(db, row, e.Message, ct);
                    failed++;
                    continue;
                }

                row.Status = DeliveryStatus.Sent;
                row.SentAt = clock.GetUtcNow();
                row.LastError = null;
                row.NextAttemptAt = null;
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                sent++;
            }
        }
        finally
        {
            if (mail is not null)
            {
                if (mail.IsConnected)
                {
                    await mail.DisconnectAsync(true, CancellationToken.None);
                }

                mail.Dispose();
            }
        }

        var pending = await db.NotificationDeliveries.AsNoTracking().CountAsync(d => d.Status != DeliveryStatus.Sent, ct);
        return new DeliveryResult(sent, failed, pending);
    }

    /// <summary>Claims one row still in the state it was read in (status and attempts unchanged), counting the attempt; null when another sender took it.</summary>
    private static async Task<NotificationDeliveryEntity?> ClaimAsync(BaiqiangDbContext db, long id, DeliveryStatus status, int attempts, DateTimeOffset now, CancellationToken ct)
    {
        // One conditional UPDATE (compare and swap): of two senders, only one changes the row.
        var claimed = await db.NotificationDeliveries
            .Where(d => d.Id == id && d.Status == status && d.Attempts == attempts)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DeliveryStatus.Sending).SetProperty(d => d.Attempts, attempts + 1).SetProperty(d => d.LastAttemptAt, now), ct);
        return claimed == 0 ? null : await db.NotificationDeliveries.AsTracking().SingleAsync(d => d.Id == id, ct);
    }

    private async Task ReleaseAsync(BaiqiangDbContext db, NotificationDeliveryEntity row, string error, CancellationToken ct)
    {
        row.Status = DeliveryStatus.Pending;
        row.LastError = error.Length > 1000 ? error[..1000] : error;
        var minutes = Math.Min(60, 1 << Math.Min(row.Attempts - 1, 6));
        row.NextAttemptAt = clock.GetUtcNow().AddMinutes(minutes);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    private static async Task<SmtpClient> ConnectAsync(string server, CancellationToken ct)
    {
        var parts = server.Split(':');
        var client = new SmtpClient { Timeout = 15_000 };
        try
        {
            await client.ConnectAsync(parts[0], int.Parse(parts[1], CultureInfo.InvariantCulture), SecureSocketOptions.StartTlsWhenAvailable, ct);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private static async Task SendMailAsync(SmtpClient client, string from, NotificationDeliveryEntity row, CancellationToken ct)
    {
        using var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(row.Target));
        message.Subject = row.Title;
        message.Body = new TextPart("plain") { Text = row.Text };
        await client.SendAsync(message, ct);
    }

    /// <summary>Posts the robot text message; a non-2xx answer or a non-zero <c>errcode</c> is a failure.</summary>
    private async Task PostAsync(NotificationDeliveryEntity row, CancellationToken ct)
    {
        var body = new { msgtype = "text", text = new { content = $"{row.Title}\n{row.Text}" } };
        using var response = await http.PostAsJsonAsync(row.Target, body, RobotJson, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"HTTP {(int)response.StatusCode}: {Trim(text)}");
        }

        if (text.TrimStart().StartsWith('{'))
        {
            try
            {
                using var json = JsonDocument.Parse(text);
                if (json.RootElement.TryGetProperty("errcode", out var code) && code.ValueKind == JsonValueKind.Number && code.GetInt32() != 0)
                {
                    throw new HttpRequestException($"errcode {code.GetInt32()}: {Trim(text)}");
                }
            }
            catch (JsonException)
            {
                // Not the robot's JSON answer; a 2xx is success.
            }
        }
    }

    private static string Trim(string s) => s.Length > 300 ? s[..300] : s;
}
