using Baiqiang.Core.Targets;
using Baiqiang.Storage.Observations;
using Baiqiang.Storage.PeerGroups;
using Baiqiang.Storage.Regions;
using Baiqiang.Storage.Targets;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Storage.Sample;

/// <summary>What <see cref="SampleLoader.LoadAsync"/> stored.</summary>
public sealed record SampleSummary(int RegionsAdded, WriteSummary Observations, int TargetsAdded, IReadOnlyList<string> PeerGroups);

/// <summary>Loads <see cref="SampleData"/> into a store. Idempotent: loading twice changes nothing.</summary>
public static class SampleLoader
{
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

        return new SampleSummary(added, observations, targetsAdded, groups);
    }
}
