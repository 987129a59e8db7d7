using System.Globalization;
using Baiqiang.Core.Targets;
using Baiqiang.Storage.Observations;
using Baiqiang.Storage.PeerGroups;
using Baiqiang.Storage.Regions;
using Baiqiang.Storage.Settings;
using Baiqiang.Storage.Targets;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Storage.Sample;

/// <summary>What <see cref="SampleLoader.LoadAsync"/> stored, and the store's as-of day after it (<see cref="SampleLoader.AsOf"/>
/// unless the store already had one).</summary>
public sealed record SampleSummary(int RegionsAdded, WriteSummary Observations, int TargetsAdded, IReadOnlyList<string> PeerGroups, string AsOf);

/// <summary>Loads <see cref="SampleData"/> into a store. Idempotent: loading twice changes nothing.</summary>
public static class SampleLoader
{
    /// <summary>
    /// The day the sample is judged as of: 2023-07-31, the date of its latest seed report (通州区's 2023 half-year report
    /// card). The sample's enterprise requests (due 2023-04-30 and 2023-08-31), its 2023 deals and its 2023 targets then
    /// read as they did that summer — requests due in April overdue, August's still open, 2023 targets seven months in —
    /// instead of years overdue by today's clock. The key-project ledger is 2022's; its milestone due 2022-05-31 reads
    /// overdue since then, as it was. Pass <c>--today</c> / <c>?today=</c> (e.g. 2022-06-30) to look at another day.
    /// </summary>
    public static readonly DateOnly AsOf = new(2023, 7, 31);

    public static async Task<SampleSummary> LoadAsync(BaiqiangDbContext db, TimeProvider clock, CancellationToken ct)
    {
        // Regions: add the ones missing; never overwrite rows a division-table import already holds.
        var codes = SampleData.Regions.Select(r => r.Code).ToList();
        var existing = (await db.Regions.Where(r => codes.Contains(r.Code)).Select(r => r.Code).ToListAsync(ct)).ToHashSet();
        var added = 0;
        foreach (var region in SampleData.Regions.Where(r => !existing.Contains(r.Code)))
        {
            db.Regions.Add(new RegionEntity
            {
                Code = region.Code,
                Name = region.Name,
                Kind = region.Kind,
                ParentCode = region.ParentCode,
                Vintage = region.IsPark ? RegionEntity.VintageUser : RegionEntity.Vintage2023,
            });
            added++;
        }

        await db.SaveChangesAsync(ct);

        var observations = await ObservationWriter.WriteAsync(db, SampleData.Observations, "sample", clock, ct);

        var targetsAdded = 0;
        var keys = (await db.Targets.Select(t => t.Key).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        foreach (var target in SampleData.Targets.Where(t => !keys.Contains(t.Id)))
        {
            db.Targets.Add(TargetEntity.From(target));
            targetsAdded++;
        }

        await db.SaveChangesAsync(ct);

        var groups = new List<string>();
        foreach (var prefecture in new[] { new Core.Regions.RegionCode(320600), new Core.Regions.RegionCode(510500), new Core.Regions.RegionCode(512000) })
        {
            var group = await PeerGroupStore.CreatePrefectureGroupAsync(db, prefecture, ct);
            groups.Add(group.Id);
        }

        await PipelineServiceSample.LoadAsync(db, ct);
        await SampleProjects.LoadAsync(db, ct);

        // The sample's own day, unless the store already carries one (a user's choice is kept).
        var asOf = await StoreSettings.GetAsync(db, StoreSettings.AsOfKey, ct)
            ?? (await StoreSettings.SetAsync(db, StoreSettings.AsOfKey, AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), db.CurrentUser, ct)).Value;
        return new SampleSummary(added, observations, targetsAdded, groups, asOf);
    }
}
