using System.Net;
using Microsoft.Extensions.Caching.Memory;

namespace Baiqiang.Web.Auth;

/// <summary>
/// Lockout of administrator accounts per client address: 5 failed sign-ins from one address lock the account for 15
/// minutes from that address only. Identity's account-wide lockout would let anyone keep the known <c>admin</c>
/// account locked with 5 requests every 15 minutes; other accounts keep Identity's lockout.
/// </summary>
public sealed class AdminLockout(IMemoryCache cache, TimeProvider clock)
{
    public const int MaxFailures = 5;

    public static readonly TimeSpan Duration = TimeSpan.FromMinutes(15);

    private sealed class Entry
    {
        public int Failures { get; set; }

        public DateTimeOffset? Until { get; set; }
    }

    public bool IsLockedOut(string userId, IPAddress? client) =>
        cache.TryGetValue(Key(userId, client), out Entry? e) && e?.Until is { } until && until > clock.GetUtcNow();

    /// <summary>Counts a failed sign-in; returns true when it locks the account for this address.</summary>
    public bool Failed(string userId, IPAddress? client)
    {
        var key = Key(userId, client);
        var entry = cache.GetOrCreate(key, e =>
        {
            e.AbsoluteExpirationRelativeToNow = Duration;
            return new Entry();
        })!;
        lock (entry)
        {
            if (entry.Until is { } until && until <= clock.GetUtcNow())
            {
                entry.Failures = 0;
                entry.Until = null;
            }

            if (++entry.Failures < MaxFailures)
            {
                return false;
            }

            entry.Until = clock.GetUtcNow() + Duration;
            cache.Set(key, entry, Duration);
            return true;
        }
    }

    public void Succeeded(string userId, IPAddress? client) => cache.Remove(Key(userId, client));

    private static string Key(string userId, IPAddress? client) => $"admin-lockout:{userId}:{client?.ToString() ?? "local"}";
}
