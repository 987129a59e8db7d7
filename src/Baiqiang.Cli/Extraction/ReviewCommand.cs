using System.CommandLine;
using System.Globalization;
using Baiqiang.Cli.Store;
using Baiqiang.Core.Access;
using Baiqiang.Core.Indicators;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Quantities;
using Baiqiang.Core.Regions;
using Baiqiang.Extraction;
using Baiqiang.Storage.Extraction;
using Baiqiang.Storage.Indicators;

namespace Baiqiang.Cli.Extraction;

/// <summary>
/// <c>baiqiang review list [--status pending|accepted|rejected|all] [--doc ID]</c>, <c>review accept ID…</c> or
/// <c>review accept --min-confidence C [--doc ID]</c>,
/// <c>review edit ID [--region CODE] [--indicator CODE] [--period P] [--value V] [--unit U] [--growth G] [--kind K]</c>,
/// <c>review reject ID [--reason TEXT]</c>: review facts stored by <c>extract --store</c>.
/// </summary>
internal static class ReviewCommand
{
    public static Command Create() => new("review", "审核抽取的事实 / review extracted facts") { List(), Accept(), Edit(), Reject() };

    private static Command List()
    {
        var status = new Option<string>("--status") { Description = "pending|accepted|rejected|all", DefaultValueFactory = _ => "pending" };
        status.AcceptOnlyFromAmong("pending", "accepted", "rejected", "all");
        var doc = new Option<long?>("--doc") { Description = "文档编号 / document id" };
        var command = new Command("list", "列出抽取事实 / list extracted facts") { status, doc };
        command.SetAction(async (parse, ct) =>
        {
            await using var db = await StoreAccess.OpenAsync(parse, ct);
            FactStatus? s = parse.GetValue(status) switch
            {
                "accepted" => FactStatus.Accepted,
                "rejected" => FactStatus.Rejected,
                "all" => null,
                _ => FactStatus.Pending,
            };
            var facts = await ExtractionStore.ListAsync(db, s, parse.GetValue(doc), ct);
            var table = new TextTable("编号 id", "文档 doc", "状态 status", "类型 kind", "地区 region", "指标 indicator", "期别 period", "数值 value", "增速 growth", "置信 confidence", "校核 checks");
            foreach (var f in facts)
            {
                var value = f.Value is { } v ? AmountText.Format(new Amount(v, f.Unit, f.Qualifier)) : string.Empty;
                table.Add(
                    f.Id.ToString(CultureInfo.InvariantCulture), f.DocumentId.ToString(CultureInfo.InvariantCulture), f.Status.ToString().ToLowerInvariant(), f.Kind,
                    $"{f.Region} {f.RegionCode}".Trim(), f.IndicatorCode is { } ic ? $"{f.Indicator} ({ic})" : f.Indicator, f.Period?.ToString() ?? string.Empty, value,
                    f.GrowthPct is { } g ? AmountText.FormatGrowth(g, yearOnYear: false) : string.Empty,
                    f.Confidence is { } c ? c.ToString("0.00", CultureInfo.InvariantCulture) : string.Empty, f.CheckNotes.Length > 0 ? "⚠" : string.Empty);
            }

            table.WriteTo(parse.Out());
            return 0;
        });
        return command;
    }

    private static Command Accept()
    {
        var ids = new Argument<long[]>("ID") { Description = "事实编号 / fact ids", Arity = ArgumentArity.ZeroOrMore };
        var minConfidence = new Option<decimal?>("--min-confidence")
        {
            Description = "接受置信度不低于该值(0–1)的全部待审核事实 / accept every pending fact at or above this confidence (0–1)",
        };
        var doc = new Option<long?>("--doc") { Description = "仅限该文档(与 --min-confidence 同用) / only this document (with --min-confidence)" };
        var command = new Command("accept", "接受事实并写入观测值 / accept facts into observations") { ids, minConfidence, doc };
        command.SetAction(async (parse, ct) =>
        {
            var given = parse.GetValue(ids) ?? [];
            var threshold = parse.GetValue(minConfidence);
            if ((given.Length == 0) == (threshold is null))
            {
                await parse.Err().WriteLineAsync("请给出事实编号或 --min-confidence(二者取一) / give fact ids or --min-confidence (one of the two)");
                return 2;
            }

            if (threshold is { } t && t is < 0m or > 1m)
            {
                await parse.Err().WriteLineAsync($"--min-confidence 须在 0 到 1 之间,而不是 {t.ToString(CultureInfo.InvariantCulture)} / --min-confidence must be between 0 and 1");
                return 2;
            }

            await using var db = await StoreAccess.OpenAsync(parse, ct);
            if (threshold is { } min)
            {
                try
                {
                    var result = await ExtractionStore.AcceptAboveAsync(db, min, parse.GetValue(doc), ExtractCommand.Actor(), TimeProvider.System, ct);
                    var w = result.Written;
                    await parse.Out().WriteLineAsync(
                        $"已接受 / accepted {result.Accepted.Count} (置信度 ≥ {min.ToString(CultureInfo.InvariantCulture)}): 新增 inserted {w.Inserted}, 修订 revised {w.Revised}, 未变 unchanged {w.Unchanged}; 拒收 / refused {result.Refused.Count}");
                    foreach (var r in result.Refused)
                    {
                        await parse.Err().WriteLineAsync($"未接受 / not accepted {r.Id}: {r.Reason}");
                    }

                    return result.Refused.Count == 0 ? 0 : 1;
                }
                catch (AccessDeniedException e)
                {
                    await parse.Err().WriteLineAsync(e.Message);
                    return 1;
                }
            }

            var failed = 0;
            foreach (var id in given)
            {
                try
                {
                    var summary = await ExtractionStore.AcceptAsync(db, id, ExtractCommand.Actor(), TimeProvider.System, ct);
                    await parse.Out().WriteLineAsync($"已接受 / accepted {id}: 新增 inserted {summary.Inserted}, 修订 revised {summary.Revised}, 未变 unchanged {summary.Unchanged}");
                }
                catch (Exception e) when (e is ExtractionReviewException or AccessDeniedException)
                {
                    failed++;
                    await parse.Err().WriteLineAsync(e.Message);
                    db.ChangeTracker.Clear();
                }
            }

            return failed == 0 ? 0 : 1;
        });
        return command;
    }

    private static Command Edit()
    {
        var id = new Argument<long>("ID") { Description = "事实编号 / fact id" };
        var region = new Option<string?>("--region") { Description = "地区代码或名称 / region code or name" };
        var indicator = new Option<string?>("--indicator") { Description = "指标代码、名称或别名 / indicator code, name or alias" };
        var period = new Option<string?>("--period") { Description = "期别,如 2023-01..06 或 2023年1-6月 / period" };
        var value = new Option<string?>("--value") { Description = "数值 / value" };
        var unit = new Option<string?>("--unit") { Description = "单位,如 亿元 / unit" };
        var growth = new Option<string?>("--growth") { Description = "增速(%) / growth percent" };
        var kind = new Option<string?>("--kind") { Description = "value|growth|share|plan_completion|count|pull|multiple|rank|target" };
        var command = new Command("edit", "修改待审核事实 / edit a pending fact") { id, region, indicator, period, value, unit, growth, kind };
        command.SetAction(async (parse, ct) =>
        {
            var factId = parse.GetRequiredValue(id);
            await using var db = await StoreAccess.OpenAsync(parse, ct);
            var typed = new FactEditText(
                parse.GetValue(region), parse.GetValue(indicator), parse.GetValue(period), parse.GetValue(value), parse.GetValue(unit), parse.GetValue(growth), parse.GetValue(kind));
            var read = await FactEditReader.ParseAsync(db, factId, typed, ct);
            if (!read.Success)
            {
                foreach (var (field, reason) in read.Errors)
                {
                    await parse.Err().WriteLineAsync($"--{field}: {reason}");
                }

                return 1;
            }

            try
            {
                var fact = await ExtractionStore.EditAsync(db, factId, read.Edit!, ExtractCommand.Actor(), ct);
                await parse.Out().WriteLineAsync($"已修改 / edited {fact.Id}: {fact.Kind} {fact.RegionCode} {fact.IndicatorCode} {fact.Period} {fact.Value}{fact.Unit.Symbol}");
                return 0;
            }
            catch (Exception e) when (e is ExtractionReviewException or AccessDeniedException)
            {
                await parse.Err().WriteLineAsync(e.Message);
                return 1;
            }
        });
        return command;
    }

    private static Command Reject()
    {
        var ids = new Argument<long[]>("ID") { Description = "事实编号 / fact ids", Arity = ArgumentArity.OneOrMore };
        var reason = new Option<string?>("--reason") { Description = "理由 / reason" };
        var command = new Command("reject", "驳回事实 / reject facts") { ids, reason };
        command.SetAction(async (parse, ct) =>
        {
            await using var db = await StoreAccess.OpenAsync(parse, ct);
            foreach (var id in parse.GetRequiredValue(ids))
            {
                try
                {
                    await ExtractionStore.RejectAsync(db, id, parse.GetValue(reason), ExtractCommand.Actor(), TimeProvider.System, ct);
                    await parse.Out().WriteLineAsync($"已驳回 / rejected {id}");
                }
                catch (Exception e) when (e is ExtractionReviewException or AccessDeniedException)
                {
                    await parse.Err().WriteLineAsync(e.Message);
                    return 1;
                }
            }

            return 0;
        });
        return command;
    }
}
