using Baiqiang.Core.Text;
using Baiqiang.Storage.Pipeline;
using Baiqiang.Storage.Projects;
using Baiqiang.Storage.Services;
using Baiqiang.Storage.Targets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Baiqiang.Storage.Infrastructure;

/// <summary>
/// The stored matching key of the records offices give codes — projects, deals, enterprise requests, targets: a column
/// <c>code_key</c> holding <see cref="RecordCode.Key"/> of the code (NFKC, trimmed, ASCII upper case), with a unique index
/// (per region for projects, whose codes are unique per region in the database), so that <c>ay2023-01</c> or
/// <c>ＡＹ2023-01</c> can never be stored beside <c>AY2023-01</c>, whoever writes: two writers at once, or a raw insert.
/// </summary>
/// <remarks>
/// A shadow property (no entity class carries it): <see cref="BaiqiangDbContext"/> fills it on every save from the code
/// column named in <see cref="CodeColumns"/>. Database triggers (migration <c>CodeKeys</c>, see
/// <c>Migrations/Data/CodeKeysData.cs</c>) set it again from the code on every insert and every change of the code, so a
/// statement that leaves it out or gets it wrong still meets the unique index.
/// </remarks>
public static class CodeKeys
{
    /// <summary>The shadow property's name (column <c>code_key</c>).</summary>
    public const string Property = "CodeKey";

    /// <summary>Entity → the property holding its code.</summary>
    internal static IReadOnlyDictionary<Type, string> CodeColumns { get; } = new Dictionary<Type, string>
    {
        [typeof(ProjectEntity)] = nameof(ProjectEntity.Code),
        [typeof(DealEntity)] = nameof(DealEntity.Code),
        [typeof(RequestEntity)] = nameof(RequestEntity.Key),
        [typeof(TargetEntity)] = nameof(TargetEntity.Key),
    };

    /// <summary>Sets the key of every added or modified coded entity from its code.</summary>
    internal static void Fill(ChangeTracker tracker)
    {
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified) || !CodeColumns.TryGetValue(entry.Metadata.ClrType, out var codeProperty))
            {
                continue;
            }

            var key = RecordCode.Key(entry.Property(codeProperty).CurrentValue as string);
            var current = entry.Property(Property);
            if (!string.Equals(current.CurrentValue as string, key, StringComparison.Ordinal))
            {
                current.CurrentValue = key;
            }
        }
    }
}
