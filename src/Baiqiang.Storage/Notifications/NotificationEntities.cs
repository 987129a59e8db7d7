using Baiqiang.Storage.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Baiqiang.Storage.Notifications;

/// <summary>How a notification reaches someone. The in-app channel is the <see cref="NotificationEntity"/> row itself.</summary>
public enum DeliveryChannel
{
    /// <summary>Email through SMTP (MailKit).</summary>
    Email = 2,

    /// <summary>A 企业微信/钉钉 group robot webhook (<c>{"msgtype":"text","text":{"content":…}}</c>).</summary>
    Webhook = 3,
}

/// <summary>Where a delivery stands.</summary>
public enum DeliveryStatus
{
    /// <summary>Waiting for its (next) attempt.</summary>
    Pending = 1,

    /// <summary>An attempt is under way (claimed before the send, so two senders never both send it).</summary>
    Sending = 2,

    /// <summary>Delivered; never sent again.</summary>
    Sent = 3,
}

/// <summary>
/// An in-app notification (通知): one recipient's copy of one reminder. <see cref="Cause"/>, <see cref="Subject"/> and
/// <see cref="Period"/> say what it is about (e.g. <c>late-report</c>, project <c>P-001</c>, <c>2022-06</c>); the unique
/// (cause, subject, period, recipient) index is what makes a reminder once per cause per period. Generic on purpose: any
/// feature may add its own causes.
/// </summary>
/// <remarks><see cref="Recipient"/> is a user name, or empty for the office inbox (no responsible user known).</remarks>
public sealed class NotificationEntity
{
    public long Id { get; set; }

    public string Recipient { get; set; } = string.Empty;

    public string Cause { get; set; } = string.Empty;

    public string Subject { get; set; } = string.Empty;

    public string Period { get; set; } = string.Empty;

    /// <summary>The region the subject belongs to (its code), for scoping; empty when none.</summary>
    public string Region { get; set; } = string.Empty;

    public string Text { get; set; } = string.Empty;

    public string TextEn { get; set; } = string.Empty;

    /// <summary>A page to open (e.g. <c>/Projects/Project/P-001</c>), or null.</summary>
    public string? Link { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ReadAt { get; set; }
}

/// <summary>
/// One message to send on one channel to one target (an email address, a webhook URL), with its attempts. Unique by
/// (channel, target, cause, subject, period): a reminder goes to a target once.
/// </summary>
public sealed class NotificationDeliveryEntity
{
    public long Id { get; set; }

    public DeliveryChannel Channel { get; set; }

    public string Target { get; set; } = string.Empty;

    public string Cause { get; set; } = string.Empty;

    public string Subject { get; set; } = string.Empty;

    public string Period { get; set; } = string.Empty;

    public string Title { get; set; } = string.Empty;

    public string Text { get; set; } = string.Empty;

    public DeliveryStatus Status { get; set; } = DeliveryStatus.Pending;

    public int Attempts { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? LastAttemptAt { get; set; }

    public DateTimeOffset? NextAttemptAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public string? LastError { get; set; }
}

/// <summary>
/// Someone reminders go to: a user name with an optional email, and the regions (with everything below them) and
/// departments whose reminders they get. The web host keeps these in step with its users; the CLI sets them by hand.
/// </summary>
public sealed class NotificationRecipientEntity : IAuditable
{
    public long Id { get; set; }

    public string UserName { get; set; } = string.Empty;

    public string? Email { get; set; }

    /// <summary>Region codes, '|'-separated.</summary>
    public string Regions { get; set; } = string.Empty;

    /// <summary>Department names, '|'-separated.</summary>
    public string Departments { get; set; } = string.Empty;

    string IAuditable.AuditEntity => "notification_recipient";

    string IAuditable.AuditKey => UserName;
}

internal sealed class NotificationEntityConfiguration : IEntityTypeConfiguration<NotificationEntity>
{
    public void Configure(EntityTypeBuilder<NotificationEntity> builder)
    {
        builder.ToTable("notifications");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Recipient).HasMaxLength(200);
        builder.Property(n => n.Cause).HasMaxLength(50);
        builder.Property(n => n.Subject).HasMaxLength(100);
        builder.Property(n => n.Period).HasMaxLength(20);
        builder.Property(n => n.Region).HasMaxLength(12);
        builder.Property(n => n.Text).HasMaxLength(2000);
        builder.Property(n => n.TextEn).HasMaxLength(2000);
        builder.Property(n => n.Link).HasMaxLength(500);
        builder.HasIndex(n => new { n.Cause, n.Subject, n.Period, n.Recipient }).IsUnique();
        builder.HasIndex(n => new { n.Recipient, n.ReadAt });
    }
}

internal sealed class NotificationDeliveryEntityConfiguration : IEntityTypeConfiguration<NotificationDeliveryEntity>
{
    public void Configure(EntityTypeBuilder<NotificationDeliveryEntity> builder)
    {
        builder.ToTable("notification_deliveries");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Target).HasMaxLength(500);
        builder.Property(d => d.Cause).HasMaxLength(50);
        builder.Property(d => d.Subject).HasMaxLength(100);
        builder.Property(d => d.Period).HasMaxLength(20);
        builder.Property(d => d.Title).HasMaxLength(300);
        builder.Property(d => d.Text).HasMaxLength(4000);
        builder.Property(d => d.LastError).HasMaxLength(1000);
        builder.HasIndex(d => new { d.Channel, d.Target, d.Cause, d.Subject, d.Period }).IsUnique();
        builder.HasIndex(d => new { d.Status, d.NextAttemptAt });
    }
}

internal sealed class NotificationRecipientEntityConfiguration : IEntityTypeConfiguration<NotificationRecipientEntity>
{
    public void Configure(EntityTypeBuilder<NotificationRecipientEntity> builder)
    {
        builder.ToTable("notification_recipients");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.UserName).HasMaxLength(200);
        builder.Property(r => r.Email).HasMaxLength(300);
        builder.Property(r => r.Regions).HasMaxLength(2000);
        builder.Property(r => r.Departments).HasMaxLength(2000);
        builder.HasIndex(r => r.UserName).IsUnique();
    }
}
