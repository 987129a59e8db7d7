using System.CommandLine;
using System.Globalization;
using Baiqiang.Cli.Store;
using Baiqiang.Core.Access;
using Baiqiang.Core.Quantities;
using Baiqiang.Core.Regions;
using Baiqiang.Core.Targets;
using Baiqiang.Storage.Lookups;
using Baiqiang.Storage.Projects;
using Baiqiang.Storage.Settings;
using Baiqiang.Storage.Targets;

namespace Baiqiang.Cli.Targets;

/// <summary><c>baiqiang targets list|add|update|remove</c>: a region's targets (目标) with their progress against time elapsed.</summary>
internal static class TargetsCommand
{
    public static Command Create() => new("targets", "目标管理:列出(含进度)、添加、修改、删除 / a region's targets: list with progress, add, update, remove")
    {
        List(), Add(), Update(), Remove(),
    };

    private static Actor CliActor() => Actor.LocalAdmin(Environment.UserName);

    private static Command List()
    {
        var region = new Option<string?>("--region") { Description = "地区代码或名称(缺省为全部) / region code or name (default: all)" };
        var today = CliAsOf.Option("目标进度截至的日期", "the date target progress is counted to");
        var command = new Command("list", "列出目标及其完成进度、时间进度和尚需年均增速 / list targets with progress, time elapsed and the growth still needed") { region, today };
        command.SetAction(async (parse, ct) =>
        {
            await using var db = await StoreAccess.OpenAsync(parse, ct);
            RegionCode? code = null;
            if (parse.GetValue(region) is { } text)
            {
                var lookups = await StoreLookups.LoadAsync(db, ct);
                var r = lookups.ResolveRegion(text);
                if (!r.Success)
                {
                    await parse.Err().WriteLineAsync(r.Error.ToString());
                    return 1;
                }

                code = r.Value;
            }

            if (await CliAsOf.ResolveAsync(parse, db, today, ct) is not { } asOf)
            {
                return 2;
            }

            var standings = await TargetQueries.StandingsAsync(db, code, asOf.Day, ct);
            var o = parse.Out();
            await o.WriteLineAsync($"目标进度{asOf.Zh} / target progress {asOf.En}");
            if (standings.Count == 0)
            {
                await o.WriteLineAsync("无目标 / no targets");
                return 0;
            }

            var table = new TextTable("标识 key", "地区 region", "目标 target", "期限 deadline", "当前 current", "进度 progress", "时间进度 time", "尚需年均增速 CAGR needed", "状态 status",
                "预计期末值 projected", "预计达成 met in");
            foreach (var s in standings)
            {
                var t = s.Status;
                var change = s.Target.Form switch { TargetForm.Growth => "增长", TargetForm.Increase => "新增", _ => string.Empty };
                var current = t is null ? "—" : $"{change}{Number(t.Current)}{s.Unit.Symbol}（{s.CurrentPeriod}）";
                table.Add(s.Entity.Key, $"{s.RegionName}({s.Entity.RegionCode})", Condition(s), s.Entity.Deadline.ToString(), current,
                    t is null ? "—" : Percent(t.ProgressPercent), t is null ? "—" : Percent(t.TimeElapsedPercent),
                    t?.RequiredAnnualGrowthPercent is { } g ? Percent(g) : "—",
                    t is null ? $"{s.Missing?.Zh} / {s.Missing?.En}" : t.Met ? "已完成 met" : t.OnTrack ? "正常 on track" : "滞后 behind",
                    s.Forecast is { } pf ? $"{Number(pf.ProjectedValue)}{s.Unit.Symbol}" : "—",
                    s.Forecast is { } mf ? (mf.MetYear is null ? $"{mf.MetYearZh} / {mf.MetYearEn}" : mf.MetYearZh) : "—");
            }

            table.WriteTo(o);
            await o.WriteLineAsync();
            foreach (var s in standings)
            {
                await o.WriteLineAsync($"{s.Entity.Key}: {(s.Entity.DescriptionZh.Length > 0 ? s.Entity.DescriptionZh : "—")}");
                if (s.Status is { } st)
                {
                    await o.WriteLineAsync($"  {st.Formula}");
                }

                await o.WriteLineAsync(s.Forecast is { } f
                    ? $"  预测 forecast: {f.MethodZh}; {f.Formula} / {f.MethodEn}"
                    : s.Target.Form == TargetForm.Growth
                        ? "  预测 forecast: 增速目标按同比增速判断，不作总量外推 / a growth target is judged on its growth rate; no level trend"
                        : "  预测 forecast: 数据不足，无法预测 / not enough full-year figures for a trend");
            }

            return 0;
        });
        return command;
    }

    private static Command Add()
    {
        var region = new Option<string>("--region") { Description = "地区代码或名称,如 510502 或 江阳区 / region code or name", Required = true };
        var indicator = new Option<string>("--indicator")
        {
            Description = "指标代码或名称(如 industrial_output_total 或 工业总产值),或招商/项目计数(如 new_signed_projects) / indicator code or name, or a pipeline/project count",
            Required = true,
        };
        var deadline = new Option<string>("--deadline") { Description = "目标期限,如 2025 或 2025年 / the period the target is measured over", Required = true };
        var comparator = new Option<string?>("--comparator") { Description = "≥ (>=,默认) | ≤ (<=) | = / comparison (default ≥)" };
        var value = new Option<string?>("--value") { Description = "目标值(含单位),如 1000亿元、1.2万亿元、100个以上 / absolute target value with its unit" };
        var multiple = new Option<string?>("--multiple") { Description = "基期值的倍数,如 2(翻一番) / a multiple of the base period's value (2 = doubling)" };
        var basePeriod = new Option<string?>("--base") { Description = "基期,如 2020 / the base period of --multiple" };
        var description = new Option<string?>("--description") { Description = "目标表述,如 工业总产值在2020年基础上翻一番(缺省自动生成) / the target as the plan words it" };
        var key = new Option<string?>("--key") { Description = "目标标识(缺省为 地区-指标-期限) / the target's key (default: region-indicator-deadline)" };
        var growth = GrowthOption();
        var increase = IncreaseOption();
        var command = new Command("add", "添加目标:--value 目标值,或 --multiple 倍数 与 --base 基期,或 --growth 增速,或 --increase 新增量 / add a target: --value, --multiple with --base, --growth or --increase")
        {
            region, indicator, deadline, comparator, value, multiple, basePeriod, description, key, growth, increase,
        };
        command.SetAction(async (parse, ct) =>
        {
            var errors = new List<string>();
            var (v, unit, qualifier) = ReadValue(parse.GetValue(value), errors);
            var m = ReadMultiple(parse.GetValue(multiple), errors);
            var g = ReadGrowth(parse.GetValue(growth), errors);
            var (inc, incUnit, _) = ReadValue(parse.GetValue(increase), errors, "新增量", "increase");
            if (await PrintedAnyAsync(parse, errors))
            {
                return 2;
            }

            await using var db = await StoreAccess.OpenAsync(parse, ct);
            var input = new TargetInput(parse.GetRequiredValue(region), parse.GetRequiredValue(indicator), parse.GetRequiredValue(deadline), parse.GetValue(comparator),
                v, unit ?? incUnit, qualifier, m, parse.GetValue(basePeriod), parse.GetValue(description), parse.GetValue(key), g, inc);
            var result = await TargetStore.CreateAsync(db, CliActor(), input, ct);
            return await ReportAsync(parse, db, result, "已添加目标 / target added", ct);
        });
        return command;
    }

    private static Command Update()
    {
        var key = new Argument<string>("KEY") { Description = "目标标识(见 targets list) / the target's key (see targets list)" };
        var region = new Option<string?>("--region") { Description = "改为此地区(代码或名称) / move to this region (code or name)" };
        var indicator = new Option<string?>("--indicator") { Description = "改为此指标或计数 / change the indicator or count" };
        var deadline = new Option<string?>("--deadline") { Description = "新的目标期限,如 2025 / new deadline" };
        var comparator = new Option<string?>("--comparator") { Description = "≥ (>=) | ≤ (<=) | = / comparison" };
        var value = new Option<string?>("--value") { Description = "新的目标值(含单位);替换倍数目标 / new absolute value with its unit (replaces a multiple)" };
        var multiple = new Option<string?>("--multiple") { Description = "新的倍数;替换目标值 / new multiple of the base period (replaces a value)" };
        var basePeriod = new Option<string?>("--base") { Description = "新的基期 / new base period" };
        var description = new Option<string?>("--description") { Description = "新的目标表述(\"\" 表示按字段重新生成) / new wording (\"\" regenerates it from the fields)" };
        var growth = GrowthOption();
        var increase = IncreaseOption();
        var command = new Command("update", "修改目标:只改给出的选项,其余不变(留有审计记录) / change a target: only the options given, the rest stays (audited)")
        {
            key, region, indicator, deadline, comparator, value, multiple, basePeriod, description, growth, increase,
        };
        command.SetAction(async (parse, ct) =>
        {
            var errors = new List<string>();
            var valueText = parse.GetValue(value);
            var multipleText = parse.GetValue(multiple);
            var (v, unit, qualifier) = ReadValue(valueText, errors);
            var m = ReadMultiple(multipleText, errors);
            var growthText = parse.GetValue(growth);
            var increaseText = parse.GetValue(increase);
            var g = ReadGrowth(growthText, errors);
            var (inc, incUnit, _) = ReadValue(increaseText, errors, "新增量", "increase");
            if (await PrintedAnyAsync(parse, errors))
            {
                return 2;
            }

            await using var db = await StoreAccess.OpenAsync(parse, ct);
            var k = parse.GetRequiredValue(key);
            var existing = await TargetStore.FindAsync(db, k, ct);
            if (existing is null)
            {
                await parse.Err().WriteLineAsync($"找不到目标“{k}” / no target '{k}'");
                return 1;
            }

            var input = TargetStore.InputOf(existing);
            if (growthText is not null || increaseText is not null)
            {
                // A new growth or increase replaces the goal's form; the store names any conflict with other options given.
                input = input with
                {
                    Value = v, Unit = unit ?? incUnit, Qualifier = qualifier, Multiple = m, Growth = g, Increase = inc,
                    BasePeriod = parse.GetValue(basePeriod) ?? (increaseText is not null && existing.Increase is not null ? input.BasePeriod : null),
                };
            }
            else if (valueText is not null && multipleText is null && parse.GetValue(basePeriod) is null)
            {
                // A value given alone turns a multiple-of-base target into an absolute one.
                input = input with { Value = v, Unit = unit, Qualifier = qualifier, Multiple = null, BasePeriod = null, Growth = null, Increase = null };
            }
            else if (valueText is null && (multipleText is not null || parse.GetValue(basePeriod) is not null))
            {
                input = existing.Increase is not null && multipleText is null
                    ? input with { BasePeriod = parse.GetValue(basePeriod) }
                    : input with { Value = null, Unit = null, Qualifier = Qualifier.Exact, Multiple = m ?? input.Multiple, BasePeriod = parse.GetValue(basePeriod) ?? input.BasePeriod, Growth = null, Increase = null };
            }
            else if (valueText is not null)
            {
                // Both forms given: the store names the conflict.
                input = input with { Value = v, Unit = unit, Qualifier = qualifier, Multiple = m, BasePeriod = parse.GetValue(basePeriod) };
            }

            input = input with
            {
                Region = parse.GetValue(region) ?? input.Region,
                Subject = parse.GetValue(indicator) ?? input.Subject,
                Deadline = parse.GetValue(deadline) ?? input.Deadline,
                Comparator = parse.GetValue(comparator) ?? input.Comparator,
                Description = parse.GetValue(description) ?? input.Description,
            };
            var result = await TargetStore.UpdateAsync(db, CliActor(), existing.Key, input, ct);
            return await ReportAsync(parse, db, result!, "已修改目标 / target updated", ct);
        });
        return command;
    }

    /// <summary>Prints each option error on stderr; true when there was any.</summary>
    private static async Task<bool> PrintedAnyAsync(ParseResult parse, List<string> errors)
    {
        foreach (var e in errors)
        {
            await parse.Err().WriteLineAsync(e);
        }

        return errors.Count > 0;
    }

    private static Option<string?> GrowthOption() => new("--growth")
    {
        Description = "增速目标(%),如 16 或 16% 表示比上年同期增长16% / a growth target in percent over the same period a year earlier (16 = 16%)",
    };

    private static Option<string?> IncreaseOption() => new("--increase")
    {
        Description = "新增目标,如 20 或 20家(缺省为指标单位),自上年末(或 --base 基期)起计 / an increase target (20 or 20家), counted from the end of the year before the deadline's year (or from --base)",
    };

    /// <summary>"16", "16%" or "8.5%" → 16, 16, 8.5.</summary>
    private static decimal? ReadGrowth(string? text, List<string> errors)
    {
        if (text is null)
        {
            return null;
        }

        var t = text.Trim().TrimEnd('%', '％').Trim();
        if (decimal.TryParse(t, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed))
        {
            return parsed;
        }

        errors.Add($"增速“{text}”不是百分数(应如 16 或 16%) / growth '{text}' is not a percent (e.g. 16 or 16%)");
        return null;
    }

    private static (decimal? Value, string? Unit, Qualifier Qualifier) ReadValue(string? valueText, List<string> errors, string zh = "目标值", string en = "value")
    {
        if (valueText is null)
        {
            return (null, null, Qualifier.Exact);
        }

        var amount = AmountText.TryParse(valueText);
        if (!amount.Success)
        {
            errors.Add($"{zh}“{valueText}”无法识别(应如 1000亿元、20家):{amount.Error!.Value.Zh} / {en} '{valueText}' cannot be read (e.g. 1000亿元, 20家): {amount.Error!.Value.En}");
            return (null, null, Qualifier.Exact);
        }

        var a = amount.Value;
        return (a.Value, a.Unit.Dimension == Dimension.Dimensionless ? null : a.Unit.Symbol, a.Qualifier);
    }

    private static decimal? ReadMultiple(string? multipleText, List<string> errors)
    {
        if (multipleText is null)
        {
            return null;
        }

        if (decimal.TryParse(multipleText.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed))
        {
            return parsed;
        }

        errors.Add($"倍数“{multipleText}”不是数字 / multiple '{multipleText}' is not a number");
        return null;
    }

    /// <summary>Prints each refused field and exits 1, or the stored target with its condition and progress formula.</summary>
    private static async Task<int> ReportAsync(ParseResult parse, Storage.BaiqiangDbContext db, TargetSaveResult result, string done, CancellationToken ct)
    {
        if (!result.Success)
        {
            foreach (var e in result.Errors)
            {
                await parse.Err().WriteLineAsync($"{e.Field}: {e.Message}");
            }

            await parse.Err().WriteLineAsync($"未保存目标({result.Errors.Count}处错误) / target not stored ({result.Errors.Count} errors)");
            return 1;
        }

        var asOf = await AsOfDay.ResolveAsync(db, null, TimeProvider.System, ct);
        var s = (await TargetQueries.FindAsync(db, result.Target!.Key, asOf.Day, ct))!;
        var o = parse.Out();
        await o.WriteLineAsync($"{done}: {s.Entity.Key} · {s.RegionName}({s.Entity.RegionCode}) · {s.Entity.DescriptionZh}");
        await o.WriteLineAsync($"  {Condition(s)}");
        await o.WriteLineAsync(s.Status is { } st ? $"  {st.Formula}" : $"  {s.Missing?.Zh} / {s.Missing?.En}");
        await o.WriteLineAsync($"  进度{asOf.Zh} / progress {asOf.En}");
        return 0;
    }

    private static Command Remove()
    {
        var key = new Argument<string>("KEY") { Description = "目标标识(见 targets list) / the target's key (see targets list)" };
        var command = new Command("remove", "删除目标(留有审计记录) / remove a target (the audit log keeps it)") { key };
        command.SetAction(async (parse, ct) =>
        {
            await using var db = await StoreAccess.OpenAsync(parse, ct);
            var k = parse.GetRequiredValue(key);
            if (!await TargetStore.DeleteAsync(db, CliActor(), k, ct))
            {
                await parse.Err().WriteLineAsync($"找不到目标“{k}” / no target '{k}'");
                return 1;
            }

            await parse.Out().WriteLineAsync($"已删除目标 / target removed: {k}");
            return 0;
        });
        return command;
    }

    /// <summary>"≥ 450亿元", "≥ 2 × 2020 (2025)", "增长 ≥ 16%", "新增 ≥ 20家".</summary>
    private static string Condition(TargetStanding s)
    {
        var symbol = TargetStore.ComparatorSymbol(s.Entity.Comparator);
        if (s.Target.GrowthPercent is { } g)
        {
            return $"增长 {symbol} {Number(g)}%";
        }

        if (s.Target.Increase is { } inc)
        {
            return $"{(s.Target.BasePeriod is { } bp ? $"比{bp}" : string.Empty)}新增 {symbol} {Number(inc.Value)}{inc.Unit.Symbol}";
        }

        return s.Target.Value is { } v
            ? $"{symbol} {AmountText.Format(v with { Qualifier = Qualifier.Exact })}"
            : $"{symbol} {Number(s.Target.MultipleOfBase!.Value)} × {s.Target.BasePeriod}";
    }

    private static string Number(decimal v) => Math.Round(v, 2, MidpointRounding.AwayFromZero).Invariant();

    private static string Percent(decimal v) => Math.Round(v, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture) + "%";
}
