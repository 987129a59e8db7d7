namespace Baiqiang.Storage.Cluster;

/// <summary>
/// The PostgreSQL notification channel web nodes listen on to drop what they cache: <see cref="Series"/> (sent by a
/// trigger on <c>observations</c> at every commit that writes figures) and <c>token:&lt;hash&gt;</c> (a revoked API token).
/// </summary>
public static class CacheSignals
{
    public const string Channel = "baiqiang_cache";

    public const string Series = "series";

    public const string TokenPrefix = "token:";
}
