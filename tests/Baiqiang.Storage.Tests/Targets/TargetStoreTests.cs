using System.Globalization;
using Baiqiang.Core.Access;
using Baiqiang.Core.Observations;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Quantities;
using Baiqiang.Core.Regions;
using Baiqiang.Core.Targets;
using Baiqiang.Storage.Indicators;
using Baiqiang.Storage.Observations;
using Baiqiang.Storage.Regions;
using Baiqiang.Storage.Targets;
using Baiqiang.Storage.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Storage.Tests.Targets;

/// <summary>Targets written through <see cref="TargetStore"/> and evaluated by <see cref="TargetQueries"/>, on each provider:
/// validation by field in Chinese and English, unit conversion, region scope, audit, progress against stored figures.</summary>
/// <remarks>The class shares one store, so each test uses its own region/indicator pairs and keys.</remarks>
public abstract class TargetStoreTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StoreFixture
{
    private static readonly RegionCode Jiangyang = new(510502);
    private static readonly RegionCode Tongzhou = new(320612);
    private static readonly Actor Admin = Actor.LocalAdmin("admin");
    private static readonly DateOnly Today = new(2026, 3, 1);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<BaiqiangDbContext> OpenSeededAsync()
    {
        var db = fixture.Open();
        await IndicatorStore.SeedCatalogueAsync(db, Ct);
        var codes = new[] { 320000, 320600, 320612, 510000, 510500, 510502, 110000, 110112 }.Select(c => new RegionCode(c)).ToList();
        var stored = (await db.Regions.Where(r => codes.Contains(r.Code)).Select(r => r.Code).ToListAsync(Ct)).ToHashSet();
        foreach (var (code, name, kind, parent) in new (int, string, RegionKind, int?)[]
        {
            (320000, "江苏省", RegionKind.Province, null), (320600, "南通市", RegionKind.PrefectureCity, 320000), (320612, "通州区", RegionKind.MunicipalDistrict, 320600),
            (510000, "四川省", RegionKind.Province, null), (510500, "泸州市", RegionKind.PrefectureCity, 510000), (510502, "江阳区", RegionKind.MunicipalDistrict, 510500),
            (110000, "北京市", RegionKind.Province, null), (110112, "通州区", RegionKind.MunicipalDistrict, 110000),
        })
        {
            if (!stored.Contains(new RegionCode(code)))
            {
                db.Regions.Add(new RegionEntity { Code = new RegionCode(code), Name = name, Kind = kind, ParentCode = parent is { } p ? new RegionCode(p) : null });
            }
        }

        await db.SaveChangesAsync(Ct);
        return db;
    }

    private static Task Figure(BaiqiangDbContext db, RegionCode region, string indicator, StatPeriod period, decimal value, Unit? unit = null) =>
        ObservationWriter.WriteAsync(db, [new ObservationRecord(region, new(indicator), period, value, unit ?? Unit.YiYuan, null, Qualifier.Exact, new ObservationSource(SourceKind.Import, "t.csv", 2))],
            "test", TimeProvider.System, Ct);

    private static string Fields(TargetSaveResult r) => string.Join(",", r.Errors.Select(e => e.Field).Order(StringComparer.Ordinal));

    [Fact]
    public async Task Create_DoublingFrom2020By2025_NeedsCagrOf14_87PercentAYear()
    {
        await using var db = await OpenSeededAsync();
        await Figure(db, Jiangyang, "industrial_output", StatPeriod.ForYear(2020), 500m);

        var saved = await TargetStore.CreateAsync(db, Admin,
            new TargetInput("510502", "industrial_output", "2025年", Multiple: 2m, BasePeriod: "2020", Description: "工业总产值在2020年基础上翻一番"), Ct);

        Assert.True(saved.Success, string.Join("; ", saved.Errors));
        Assert.Equal("510502-industrial_output-2025", saved.Target!.Key);
        var s = (await TargetQueries.FindAsync(db, saved.Target.Key, Today, Ct))!;
        Assert.Equal((1000m, 500m, 50m, 0m), (s.Status!.TargetValue, s.Status.Current, s.Status.ProgressPercent, s.Status.TimeElapsedPercent));
        Assert.Equal(14.87m, Math.Round(s.Status.RequiredAnnualGrowthPercent!.Value, 2));
        Assert.Equal(StatPeriod.ForYear(2020), s.CurrentPeriod);
        Assert.Equal(500m, s.BaseValue);
        Assert.Contains("((1000 ÷ 500)^(1/5) − 1) × 100 = 14.87%", s.Status.Formula, StringComparison.Ordinal);

        // Two years on, 600 of 1000: 60% done and 40% of the time gone, but 9.54% a year since 2020 against 18.56% a year still
        // needed is behind (the time rule alone called it on track).
        await Figure(db, Jiangyang, "industrial_output", StatPeriod.ForYear(2022), 600m);
        var later = (await TargetQueries.StandingsAsync(db, Jiangyang, Today, Ct)).Single(t => t.Entity.Key == saved.Target.Key).Status!;
        Assert.Equal((60m, 40m, false), (later.ProgressPercent, later.TimeElapsedPercent, later.OnTrack));
        Assert.Equal(18.56m, Math.Round(later.RequiredAnnualGrowthPercent!.Value, 2));
        Assert.Equal(9.54m, Math.Round(later.AchievedAnnualGrowthPercent!.Value, 2));
    }

    [Fact]
    public async Task Standings_JiangyangDoublingWithNoGrowth_BehindWithAForecastThatCannotMeetIt()
    {
        await using var db = await OpenSeededAsync();
        foreach (var year in new[] { 2020, 2021, 2022 })
        {
            await Figure(db, Jiangyang, "gdp", StatPeriod.ForYear(year), 500m);
        }

        var saved = await TargetStore.CreateAsync(db, Admin,
            new TargetInput("江阳区", "地区生产总值", "2025", Multiple: 2m, BasePeriod: "2020", Key: "jy-gdp-doubling"), Ct);
        Assert.True(saved.Success, string.Join("; ", saved.Errors));

        var s = (await TargetQueries.FindAsync(db, "jy-gdp-doubling", Today, Ct))!;
        Assert.Equal((1000m, 500m, 50m, 40m), (s.Status!.TargetValue, s.Status.Current, s.Status.ProgressPercent, s.Status.TimeElapsedPercent));
        Assert.False(s.Status.OnTrack);
        Assert.Equal(0m, s.Status.AchievedAnnualGrowthPercent);
        Assert.Contains("判定：基期以来 0.00% < 尚需 25.99%，滞后", s.Status.Formula, StringComparison.Ordinal);
        var f = s.Forecast!;
        Assert.Equal((0m, 2020, 2022, 500m, (int?)null, false), (f.TrendPercent, f.FromYear, f.ToYear, f.ProjectedValue, f.MetYear, f.MetByDeadline));
        Assert.StartsWith("无法达成", f.MetYearZh, StringComparison.Ordinal);

        // With 2023 at 600 the 2020–2023 trend is 6.27% a year: 2025 projected at 677.55, met in 2032.
        await Figure(db, Jiangyang, "gdp", StatPeriod.ForYear(2023), 600m);
        var later = (await TargetQueries.FindAsync(db, "jy-gdp-doubling", Today, Ct))!.Forecast!;
        Assert.Equal((2020, 2023, 6.27m, 2032), (later.FromYear, later.ToYear, Math.Round(later.TrendPercent, 2), later.MetYear));
        Assert.Equal(677.55m, Math.Round(later.ProjectedValue, 2));
    }

    [Fact]
    public async Task Create_ValueInWanYuan_StoredIn亿元AndMeasuredAgainstTheHalfYear()
    {
        await using var db = await OpenSeededAsync();
        await Figure(db, Jiangyang, "retail_sales", StatPeriod.CumulativeTo(2022, 6), 228.09m);

        var saved = await TargetStore.CreateAsync(db, Admin, new TargetInput("江阳区", "社会消费品零售总额", "2022", "≥", 4_500_000m, "万元"), Ct);

        Assert.True(saved.Success, string.Join("; ", saved.Errors));
        var row = await db.Targets.AsNoTracking().SingleAsync(t => t.Key == saved.Target!.Key, Ct);
        Assert.Equal((450m, Unit.YiYuan, "retail_sales", "indicator"), (row.Value!.Value, row.Unit, row.Subject, row.SubjectKind));
        Assert.Equal("社会消费品零售总额 2022年 ≥ 450亿元", row.DescriptionZh);
        var s = (await TargetQueries.FindAsync(db, row.Key, Today, Ct))!;
        Assert.Equal(StatPeriod.CumulativeTo(2022, 6), s.CurrentPeriod);
        Assert.Equal((50.69m, 50m, true), (Math.Round(s.Status!.ProgressPercent, 2), s.Status.TimeElapsedPercent, s.Status.OnTrack));
        Assert.Null(s.Status.RequiredAnnualGrowthPercent);
    }

    [Fact]
    public async Task Create_UnitOfAnotherDimension_RefusedNamingTheUnit()
    {
        await using var db = await OpenSeededAsync();

        var r = await TargetStore.CreateAsync(db, Admin, new TargetInput("510502", "gdp", "2030", Value: 100m, Unit: "个", Key: "dim-test"), Ct);

        Assert.False(r.Success);
        var e = Assert.Single(r.Errors);
        Assert.Equal("unit", e.Field);
        Assert.Equal("单位“个”不能换算为指标“地区生产总值”的单位“亿元”", e.Message.Zh);
        Assert.Equal("unit '个' cannot be converted to the unit '亿元' of indicator 'gdp'", e.Message.En);
        Assert.False(await db.Targets.AnyAsync(t => t.Key == "dim-test", Ct));
    }

    [Fact]
    public async Task Create_ValueAndMultipleBoth_Refused()
    {
        await using var db = await OpenSeededAsync();

        var r = await TargetStore.CreateAsync(db, Admin, new TargetInput("510502", "gdp", "2030", Value: 100m, Multiple: 2m, BasePeriod: "2020", Key: "both-test"), Ct);

        Assert.Equal("value", Assert.Single(r.Errors).Field);
        Assert.Contains("目标值与倍数只能填一个", r.Errors[0].Message.Zh, StringComparison.Ordinal);
        Assert.Contains("not both", r.Errors[0].Message.En, StringComparison.Ordinal);
        Assert.False(await db.Targets.AnyAsync(t => t.Key == "both-test", Ct));
    }

    [Fact]
    public async Task Create_EveryFieldWrong_EachErrorNamesItsField()
    {
        await using var db = await OpenSeededAsync();

        var r = await TargetStore.CreateAsync(db, Admin, new TargetInput("510599", "weather", "明年", ">>", Multiple: 0m, BasePeriod: "20xx", Key: "bad key"), Ct);
        Assert.Equal("basePeriod,comparator,deadline,key,multiple,region,subject", Fields(r));
        Assert.Contains(r.Errors, e => e.Message.Zh == "地区“510599”不存在" && e.Message.En == "region 510599 is not stored");
        Assert.Contains(r.Errors, e => e.Field == "subject" && e.Message.Zh.StartsWith("未知指标“weather”", StringComparison.Ordinal));
        Assert.Contains(r.Errors, e => e.Field == "deadline" && e.Message.En.StartsWith("the deadline '明年' cannot be read", StringComparison.Ordinal));

        var ambiguous = await TargetStore.CreateAsync(db, Admin, new TargetInput("通州区", "gdp", "2025", Value: 1000m), Ct);
        Assert.Equal("地区名“通州区”不唯一（110112、320612），请填写代码", Assert.Single(ambiguous.Errors).Message.Zh);

        var late = await TargetStore.CreateAsync(db, Admin, new TargetInput("510502", "gdp", "2025", Multiple: 2m, BasePeriod: "2025年"), Ct);
        Assert.Equal("basePeriod", Assert.Single(late.Errors).Field);

        var neither = await TargetStore.CreateAsync(db, Admin, new TargetInput("510502", "gdp", "2025"), Ct);
        Assert.Equal("须填写目标值，或填写基期和倍数 / give a target value, or a base period and a multiple", Assert.Single(neither.Errors).ToString());

        var countInMoney = await TargetStore.CreateAsync(db, Admin, new TargetInput("510502", "new_signed_projects", "2025", Value: 100m, Unit: "亿元"), Ct);
        Assert.Equal("unit", Assert.Single(countInMoney.Errors).Field);

        var measureMultiple = await TargetStore.CreateAsync(db, Admin, new TargetInput("510502", "new_signed_projects", "2025", Multiple: 2m, BasePeriod: "2020"), Ct);
        Assert.Equal("multiple", Assert.Single(measureMultiple.Errors).Field);
        Assert.False(await db.Targets.AnyAsync(t => t.Subject == "new_signed_projects" && t.RegionCode == Jiangyang, Ct));
    }

    [Theory]
    [InlineData(">=", ">=")]
    [InlineData("≥", ">=")]
    [InlineData("<=", "<=")]
    [InlineData("≤", "<=")]
    [InlineData("=", "=")]
    public async Task Create_ComparatorInEitherNotation_StoredCanonically(string given, string stored)
    {
        await using var db = await OpenSeededAsync();
        var key = "cmp-" + (given switch { ">=" => "ge", "≥" => "ge2", "<=" => "le", "≤" => "le2", _ => "eq" });

        var r = await TargetStore.CreateAsync(db, Admin, new TargetInput("510502", "high_tech_output_share", "2025", given, 60m, Key: key), Ct);

        Assert.True(r.Success, string.Join("; ", r.Errors));
        Assert.Equal(stored, (await db.Targets.AsNoTracking().SingleAsync(t => t.Key == key, Ct)).Comparator);
    }

    [Fact]
    public async Task Create_GeneratedKeyTaken_GetsANumberedKey()
    {
        await using var db = await OpenSeededAsync();

        var first = await TargetStore.CreateAsync(db, Admin, new TargetInput("320612", "budget_revenue", "2024", Value: 50m), Ct);
        var second = await TargetStore.CreateAsync(db, Admin, new TargetInput("320612", "budget_revenue", "2024", Value: 60m), Ct);
        var clash = await TargetStore.CreateAsync(db, Admin, new TargetInput("320612", "budget_revenue", "2024", Value: 70m, Key: "320612-budget_revenue-2024"), Ct);

        Assert.Equal(("320612-budget_revenue-2024", "320612-budget_revenue-2024-2"), (first.Target!.Key, second.Target!.Key));
        Assert.Equal("目标标识“320612-budget_revenue-2024”已存在", Assert.Single(clash.Errors).Message.Zh);
    }

    [Fact]
    public async Task Writes_EditorOfAnotherRegion_DeniedAndNothingChanged()
    {
        await using var db = await OpenSeededAsync();
        var jiangyangEditor = Actor.EditorOf("江阳编辑", Jiangyang);
        var saved = await TargetStore.CreateAsync(db, Admin, new TargetInput("320612", "gdp", "2026", Value: 2000m, Key: "tz-gdp-2026"), Ct);
        Assert.True(saved.Success);

        await Assert.ThrowsAsync<AccessDeniedException>(() => TargetStore.CreateAsync(db, jiangyangEditor, new TargetInput("320612", "gdp", "2027", Value: 2100m, Key: "tz-by-jy"), Ct));
        await Assert.ThrowsAsync<AccessDeniedException>(() => TargetStore.UpdateAsync(db, jiangyangEditor, "tz-gdp-2026", new TargetInput("320612", "gdp", "2026", Value: 1m), Ct));
        await Assert.ThrowsAsync<AccessDeniedException>(() => TargetStore.DeleteAsync(db, jiangyangEditor, "tz-gdp-2026", Ct));
        // Moving a Tongzhou target into Jiangyang needs rights over both.
        await Assert.ThrowsAsync<AccessDeniedException>(() => TargetStore.UpdateAsync(db, Actor.EditorOf("通州编辑", Tongzhou), "tz-gdp-2026", new TargetInput("510502", "gdp", "2026", Value: 1m), Ct));
        await Assert.ThrowsAsync<AccessDeniedException>(() => TargetStore.CreateAsync(db, Actor.ReviewerOf("审核", Tongzhou), new TargetInput("320612", "gdp", "2028", Value: 1m), Ct));
        await Assert.ThrowsAsync<AccessDeniedException>(() => TargetStore.CreateAsync(db, Actor.AnalystNamed("分析"), new TargetInput("320612", "gdp", "2028", Value: 1m), Ct));

        db.ChangeTracker.Clear();
        Assert.Equal(2000m, (await db.Targets.AsNoTracking().SingleAsync(t => t.Key == "tz-gdp-2026", Ct)).Value);
        Assert.False(await db.Targets.AnyAsync(t => t.Key == "tz-by-jy", Ct));
        // A prefecture's editor covers its districts.
        var city = await TargetStore.CreateAsync(db, Actor.EditorOf("泸州编辑", new RegionCode(510500)), new TargetInput("510502", "gdp", "2029", Value: 1200m, Key: "jy-by-city"), Ct);
        Assert.True(city.Success);
    }

    [Fact]
    public async Task UpdateAndDelete_AuditedOldToNewWithTheActor()
    {
        await using var db = await OpenSeededAsync();
        var editor = Actor.EditorOf("zhang", Jiangyang);
        Assert.True((await TargetStore.CreateAsync(db, editor, new TargetInput("510502", "budget_revenue", "2023", Value: 30m, Key: "jy-budget-2023"), Ct)).Success);

        var updated = await TargetStore.UpdateAsync(db, editor, "jy-budget-2023", new TargetInput("510502", "budget_revenue", "2023", "≥", 350_000m, "万元"), Ct);
        var renamed = await TargetStore.UpdateAsync(db, editor, "jy-budget-2023", new TargetInput("510502", "budget_revenue", "2023", Value: 35m, Key: "other"), Ct);
        var missing = await TargetStore.UpdateAsync(db, editor, "no-such-target", new TargetInput("510502", "gdp", "2023", Value: 1m), Ct);
        Assert.True(updated!.Success, string.Join("; ", updated.Errors));
        Assert.Equal("key", Assert.Single(renamed!.Errors).Field);
        Assert.Null(missing);
        Assert.True(await TargetStore.DeleteAsync(db, editor, "jy-budget-2023", Ct));
        Assert.False(await TargetStore.DeleteAsync(db, editor, "jy-budget-2023", Ct));

        var audit = await db.AuditEntries.AsNoTracking().Where(a => a.Entity == "target" && a.Key == "jy-budget-2023").OrderBy(a => a.Id).ToListAsync(Ct);
        Assert.All(audit, a => Assert.Equal("zhang", a.User));
        Assert.Null(audit[0].Field);
        Assert.Contains("value=30", audit[0].NewValue, StringComparison.Ordinal);
        var value = Assert.Single(audit, a => a.Field == "value");
        Assert.Equal((30m, 35m), (decimal.Parse(value.OldValue!, CultureInfo.InvariantCulture), decimal.Parse(value.NewValue!, CultureInfo.InvariantCulture)));
        Assert.Contains(audit, a => a.Field == "description_zh");
        var deleted = audit[^1];
        Assert.Equal((null, null), (deleted.Field, deleted.NewValue));
        Assert.Contains("key=jy-budget-2023", deleted.OldValue, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_UnchangedGeneratedWording_FollowsTheNewFieldsButOwnWordingStays()
    {
        await using var db = await OpenSeededAsync();
        Assert.True((await TargetStore.CreateAsync(db, Admin, new TargetInput("510502", "gdp", "2025", Value: 1000m, Key: "jy-gen"), Ct)).Success);
        Assert.True((await TargetStore.CreateAsync(db, Admin, new TargetInput("510502", "gdp", "2026", Value: 1000m, Description: "地区生产总值迈上千亿台阶", Key: "jy-own"), Ct)).Success);
        var generated = TargetStore.InputOf(await TargetStore.FindAsync(db, "jy-gen", Ct) ?? throw new InvalidOperationException());
        var own = TargetStore.InputOf(await TargetStore.FindAsync(db, "jy-own", Ct) ?? throw new InvalidOperationException());
        Assert.Equal("地区生产总值 2025年 ≥ 1000亿元", generated.Description);

        var g = await TargetStore.UpdateAsync(db, Admin, "jy-gen", generated with { Value = 1100m }, Ct);
        var o = await TargetStore.UpdateAsync(db, Admin, "jy-own", own with { Value = 1100m }, Ct);

        Assert.Equal("地区生产总值 2025年 ≥ 1100亿元", g!.Target!.DescriptionZh);
        Assert.Equal("地区生产总值迈上千亿台阶", o!.Target!.DescriptionZh);
        Assert.Equal(1100m, o.Target.Value);
    }

    [Fact]
    public async Task Create_FullWidthOrCaseVariantOfStoredKey_RefusedNamingBothAndFoundByEither()
    {
        await using var db = await OpenSeededAsync();
        Assert.True((await TargetStore.CreateAsync(db, Admin, new TargetInput("510502", "gdp", "2027", Value: 1200m, Key: "JY-Case"), Ct)).Success);

        var again = await TargetStore.CreateAsync(db, Admin, new TargetInput("510502", "gdp", "2028", Value: 1300m, Key: "ｊｙ-case"), Ct);

        Assert.False(again.Success);
        Assert.Contains(again.Errors, e => e.Message.Zh.Contains("JY-Case", StringComparison.Ordinal) && e.Message.Zh.Contains("jy-case", StringComparison.Ordinal));
        Assert.Equal("JY-Case", (await TargetStore.FindAsync(db, "ｊｙ-ＣＡＳＥ", Ct))!.Key);
    }

    private static Task Grown(BaiqiangDbContext db, RegionCode region, string indicator, StatPeriod period, decimal value, decimal growth) =>
        ObservationWriter.WriteAsync(db, [new ObservationRecord(region, new(indicator), period, value, Unit.YiYuan, growth, Qualifier.Exact, new ObservationSource(SourceKind.Import, "t.csv", 3))],
            "test", TimeProvider.System, Ct);

    [Fact]
    public async Task Standings_GrowthTarget_JudgedOnThePublishedRateThenOnTheSamePeriodAYearEarlier()
    {
        await using var db = await OpenSeededAsync();
        await Grown(db, Jiangyang, "fixed_asset_investment", StatPeriod.CumulativeTo(2023, 6), 150m, 12.5m);

        var saved = await TargetStore.CreateAsync(db, Admin, new TargetInput("江阳区", "固定资产投资", "2023", Growth: 16m, Key: "jy-fai-growth-2023"), Ct);

        Assert.True(saved.Success, string.Join("; ", saved.Errors));
        Assert.Equal("固定资产投资 2023年 增长 ≥ 16%", saved.Target!.DescriptionZh);
        var half = (await TargetQueries.FindAsync(db, "jy-fai-growth-2023", Today, Ct))!;
        Assert.Equal((16m, 12.5m, 78.125m, 50m, false, false), (half.Status!.TargetValue, half.Status.Current, half.Status.ProgressPercent, half.Status.TimeElapsedPercent, half.Status.Met, half.Status.OnTrack));
        Assert.Equal("%", half.Unit.Symbol);
        Assert.Null(half.Forecast);
        Assert.Contains("2023年1-6月同比增长 12.5%（公布）", half.Status.Formula, StringComparison.Ordinal);

        // 1–9月 without a published rate: 118 ÷ 100 − 1 = 18% ≥ 16%, on track but not met before the year is out.
        await Figure(db, Jiangyang, "fixed_asset_investment", StatPeriod.CumulativeTo(2022, 9), 100m);
        await Figure(db, Jiangyang, "fixed_asset_investment", StatPeriod.CumulativeTo(2023, 9), 118m);
        var nine = (await TargetQueries.FindAsync(db, "jy-fai-growth-2023", Today, Ct))!;
        Assert.Equal((18m, 75m, false, true), (nine.Status!.Current, nine.Status.TimeElapsedPercent, nine.Status.Met, nine.Status.OnTrack));
        Assert.Equal(StatPeriod.CumulativeTo(2023, 9), nine.CurrentPeriod);
        Assert.Contains("(118 ÷ 100 − 1) × 100 = 18.00%", nine.Status.Formula, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Standings_IncreaseTarget_CountsFromTheYearBeforeTheDeadline()
    {
        await using var db = await OpenSeededAsync();
        await Figure(db, Jiangyang, "enterprises_above_scale", StatPeriod.ForYear(2024), 120m, Unit.Jia);
        await Figure(db, Jiangyang, "enterprises_above_scale", StatPeriod.ForMonth(2025, 6), 128m, Unit.Jia);

        var saved = await TargetStore.CreateAsync(db, Admin, new TargetInput("510502", "规上企业数", "2025", Increase: 20m, Key: "jy-firms-2025"), Ct);

        Assert.True(saved.Success, string.Join("; ", saved.Errors));
        Assert.Equal("规上工业企业数 2025年 新增 ≥ 20家", saved.Target!.DescriptionZh);
        var s = (await TargetQueries.FindAsync(db, "jy-firms-2025", Today, Ct))!;
        Assert.Equal((20m, 8m, 40m, 50m, false), (s.Status!.TargetValue, s.Status.Current, s.Status.ProgressPercent, s.Status.TimeElapsedPercent, s.Status.OnTrack));
        Assert.Equal((120m, "家"), (s.BaseValue, s.Unit.Symbol));
        Assert.Contains("新增 128 − 120（2024年） = 8家", s.Status.Formula, StringComparison.Ordinal);

        // Stored and read back unchanged: the increase and its unit survive the round trip.
        var stored = await TargetStore.FindAsync(db, "jy-firms-2025", Ct);
        Assert.Equal((20m, (decimal?)null, "家"), (stored!.ToTarget().Increase!.Value.Value, stored.GrowthPercent, stored.Unit.Symbol));
    }

    [Fact]
    public async Task Create_GrowthWithAValueOrOfAPipelineCount_RefusedByField()
    {
        await using var db = await OpenSeededAsync();

        var both = await TargetStore.CreateAsync(db, Admin, new TargetInput("510502", "gdp", "2023", Value: 100m, Growth: 8m), Ct);
        var count = await TargetStore.CreateAsync(db, Admin, new TargetInput("510502", "new_signed_projects", "2023", Growth: 8m), Ct);
        var low = await TargetStore.CreateAsync(db, Admin, new TargetInput("510502", "gdp", "2023", Growth: -100m), Ct);

        Assert.Equal("value", Fields(both));
        Assert.Contains("只能填一个", both.Errors[0].Message.Zh, StringComparison.Ordinal);
        Assert.Equal("growth", Fields(count));
        Assert.Contains("takes no growth target", count.Errors[0].Message.En, StringComparison.Ordinal);
        Assert.Equal("growth", Fields(low));
        Assert.Null(await TargetStore.FindAsync(db, "510502-gdp-2023", Ct));
        Assert.Null(await TargetStore.FindAsync(db, "510502-new_signed_projects-2023", Ct));
    }

    [Fact]
    public async Task Standings_NoFigureOrNoBase_SayWhy()
    {
        await using var db = await OpenSeededAsync();
        Assert.True((await TargetStore.CreateAsync(db, Admin, new TargetInput("320612", "fixed_asset_investment", "2024", Value: 10m, Key: "tz-fai-2024"), Ct)).Success);
        Assert.True((await TargetStore.CreateAsync(db, Admin, new TargetInput("320612", "gdp", "2030", Multiple: 2m, BasePeriod: "2020", Key: "tz-gdp-x2"), Ct)).Success);

        var noFigure = (await TargetQueries.FindAsync(db, "tz-fai-2024", Today, Ct))!;
        var noBase = (await TargetQueries.FindAsync(db, "tz-gdp-x2", Today, Ct))!;

        Assert.Null(noFigure.Status);
        Assert.Equal("暂无2024年口径的数据", noFigure.Missing!.Value.Zh);
        Assert.Equal(("通州区", "no figure for the base period 2020"), (noBase.RegionName, noBase.Missing!.Value.En));
    }
}

public sealed class SqliteTargetStoreTests(SqliteFixture fixture) : TargetStoreTests<SqliteFixture>(fixture);

public sealed class PostgresTargetStoreTests(PostgresFixture fixture) : TargetStoreTests<PostgresFixture>(fixture);
