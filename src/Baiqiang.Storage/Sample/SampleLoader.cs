using System.Globalization;
using Baiqiang.Core.Targets;
using Baiqiang.Storage.Observations;
using Baiqiang.Storage.PeerGroups;
using Baiqiang.Storage.Regions;
using Baiqiang.Storage.Settings;
using Baiqiang.Storage.Targets;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Storage.Sample;

/// <summary>How many rows of one kind a part of the sample added (交易 deals +40).</summary>
public sealed record SampleCount(string NameZh, string NameEn, int Added);

/// <summary>A peer group the sample made, and how many regions it holds.</summary>
public sealed record SamplePeerGroup(string Id, int Members);

/// <summary>What one part of the sample added, kind by kind.</summary>
public sealed record SampleModule(string NameZh, string NameEn, IReadOnlyList<SampleCount> Counts);

/// <summary>What <see cref="SampleLoader.LoadAsync"/> stored, module by module, and the store's as-of day after it
/// (<see cref="SampleLoader.AsOf"/> unless the store already had one).</summary>
/// <param name="RegionsAdded">Regions the store did not hold yet.</param>
/// <param name="SeedFigures">The five seed reports' own figures (<see cref="SampleData.Observations"/>).</param>
/// <param name="DistrictFigures">The published district figures (<see cref="SampleDistrictFigures.Observations"/>).</param>
/// <param name="TargetsAdded">Targets the store did not hold yet.</param>
/// <param name="PeerGroups">The prefecture groups, each with its number of members.</param>
/// <param name="Modules">The pipeline, service desk and key-project ledger: what each added.</param>
/// <param name="AsOf">The store's as-of day after loading (yyyy-MM-dd).</param>
public sealed record SampleSummary(
    int RegionsAdded,
    WriteSummary SeedFigures,
    WriteSummary DistrictFigures,
    int TargetsAdded,
    IReadOnlyList<SamplePeerGroup> PeerGroups,
    IReadOnlyList<SampleModule> Modules,
    string AsOf)
{
    /// <summary>Both sets of figures together.</summary>
    public WriteSummary Observations => new(
        SeedFigures.Inserted + DistrictFigures.Inserted, SeedFigures.Revised + DistrictFigures.Revised, SeedFigures.Unchanged + DistrictFigures.Unchanged);
}

/// <summary>Loads <see cref="SampleData"/>, <see cref="SampleDistrictFigures"/> and the pipeline, service-desk and key-project
/// samples into a store. Idempotent: loading twice changes nothing.</summary>
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

        var seedFigures = await ObservationWriter.WriteAsync(db, SampleData.Observations, "sample", clock, ct);
        var districtFigures = await ObservationWriter.WriteAsync(db, SampleDistrictFigures.Observations, "sample", clock, ct);

        var targetsAdded = 0;
        var keys = (await db.Targets.Select(t => t.Key).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        foreach (var target in SampleData.Targets.Where(t => !keys.Contains(t.Id)))
        {
            db.Targets.Add(TargetEntity.From(target));
            targetsAdded++;
        }

        await db.SaveChangesAsync(ct);

        var groups = new List<SamplePeerGroup>();
        foreach (var prefecture in new[] { new Core.Regions.RegionCode(320600), new Core.Regions.RegionCode(510500), new Core.Regions.RegionCode(512000) })
        {
            var group = await PeerGroupStore.CreatePrefectureGroupAsync(db, prefecture, ct);
            groups.Add(new(group.Id, (await PeerGroupStore.MembersAsync(db, group.Id, ct)).Count));
        }

        // The modules count what they added as the difference of row counts, so their loaders stay as they are.
        var deals = await db.Deals.CountAsync(ct);
        var enterprises = await db.Enterprises.CountAsync(ct);
        var visits = await db.Visits.CountAsync(ct);
        var requests = await db.EnterpriseRequests.CountAsync(ct);
        var cashOuts = await db.CashOuts.CountAsync(ct);
        await PipelineServiceSample.LoadAsync(db, ct);
        var reports = await db.MonthlyReports.CountAsync(ct);
        var problems = await db.ProjectProblems.CountAsync(ct);
        var projects = await SampleProjects.LoadAsync(db, ct);
        IReadOnlyList<SampleModule> modules =
        [
            new("招商引资", "pipeline", [new("交易", "deals", await db.Deals.CountAsync(ct) - deals)]),
            new("企业服务", "service desk",
            [
                new("企业", "enterprises", await db.Enterprises.CountAsync(ct) - enterprises),
                new("走访", "visits", await db.Visits.CountAsync(ct) - visits),
                new("诉求", "requests", await db.EnterpriseRequests.CountAsync(ct) - requests),
                new("政策兑现", "cash-outs", await db.CashOuts.CountAsync(ct) - cashOuts),
            ]),
            new("重点项目", "key projects",
            [
                new("项目", "projects", projects),
                new("月报", "monthly reports", await db.MonthlyReports.CountAsync(ct) - reports),
                new("问题", "problems", await db.ProjectProblems.CountAsync(ct) - problems),
            ]),
        ];

        // The sample's own day, unless the store already carries one (a user's choice is kept).
        var asOf = await StoreSettings.GetAsync(db, StoreSettings.AsOfKey, ct)
            ?? (await StoreSettings.SetAsync(db, StoreSettings.AsOfKey, AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), db.CurrentUser, ct)).Value;
        return new SampleSummary(added, seedFigures, districtFigures, targetsAdded, groups, modules, asOf);
    }
}
