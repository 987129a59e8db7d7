using System.CommandLine;
using Baiqiang.Cli.Output;
using Baiqiang.Cli.Store;
using Baiqiang.Core.Indicators;
using Baiqiang.Core.Regions;
using Baiqiang.Storage.Export;
using Baiqiang.Storage.Lookups;
using Baiqiang.Storage.Observations;
using Baiqiang.Storage.PeerGroups;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Cli.Observations;

/// <summary><c>baiqiang export --out FILE.xlsx|.csv [--indicator I] [--region R] [--period P] [--peers GROUP] [--lang zh|en]
/// [--layout long|bulletin --by region|topic]</c>.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "输出文件 .xlsx 或 .csv / output file", Required = true };
        var indicator = new Option<string[]>("--indicator") { Description = "指标(可多次) / indicator(s)", AllowMultipleArgumentsPerToken = true };
        var region = new Option<string[]>("--region") { Description = "地区(可多次) / region(s)", AllowMultipleArgumentsPerToken = true };
        var period = new Option<string?>("--period") { Description = "统计期别 / period" };
        var peers = new Option<string?>("--peers") { Description = "对比组代码,如 pref:320600 或 ccid_2025_top100_districts / peer group id" };
        var lang = ExportLanguageOption.Create();
        var layout = new Option<string>("--layout")
        {
            Description = "long(长表,默认)或 bulletin(统计月报式多级表头,仅 .xlsx) / long (default) or bulletin (multi-level headers, .xlsx only)",
            DefaultValueFactory = _ => "long",
        };
        layout.AcceptOnlyFromAmong("long", "bulletin");
        var by = new Option<string>("--by")
        {
            Description = "bulletin 的分表方式:region(每地区一表)或 topic(每指标一表) / bulletin sheets: one per region or per topic",
            DefaultValueFactory = _ => "region",
        };
        by.AcceptOnlyFromAmong("region", "topic");
        var command = new Command("export", "导出查询结果为 XLSX 或 CSV(长表或统计月报式,均可再次导入) / export a query to XLSX or CSV (long form or bulletin workbook, re-importable)")
        {
            output, indicator, region, period, peers, lang, layout, by,
        };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetRequiredValue(output);
            var ext = Path.GetExtension(path).ToUpperInvariant();
            if (ext is not (".XLSX" or ".CSV"))
            {
                await parse.Err().WriteLineAsync($"输出文件须为 .xlsx 或 .csv:“{path}” / output must be .xlsx or .csv: '{path}'");
                return 2;
            }

            var bulletin = parse.GetValue(layout) == "bulletin";
            if (bulletin && ext != ".XLSX")
            {
                await parse.Err().WriteLineAsync($"--layout bulletin 只能输出 .xlsx:“{path}” / --layout bulletin writes .xlsx only: '{path}'");
                return 2;
            }

            await using var db = await StoreAccess.OpenAsync(parse, ct);
            var lookups = await StoreLookups.LoadAsync(db, ct);
            var query = db.Observations.AsNoTracking().Where(o => o.IsCurrent);

            var indicatorCodes = new List<IndicatorCode>();
            foreach (var i in parse.GetValue(indicator) ?? [])
            {
                var found = lookups.FindIndicator(i);
                if (found is null)
                {
                    await parse.Err().WriteLineAsync($"未知指标“{i}” / unknown indicator '{i}'");
                    return 1;
                }

                indicatorCodes.Add(found.Code);
            }

            var regionCodes = new List<RegionCode>();
            foreach (var r in parse.GetValue(region) ?? [])
            {
                var resolved = lookups.ResolveRegion(r);
                if (!resolved.Success)
                {
                    await parse.Err().WriteLineAsync(resolved.Error.ToString());
                    return 1;
                }

                regionCodes.Add(resolved.Value);
            }

            if (parse.GetValue(peers) is { } groupId)
            {
                var members = await PeerGroupStore.MembersAsync(db, groupId, ct);
                if (members.Count == 0)
                {
                    await parse.Err().WriteLineAsync($"对比组“{groupId}”不存在或为空 / peer group '{groupId}' is unknown or empty");
                    return 1;
                }

                regionCodes.AddRange(members);
            }

            // Filters run in the database: an export of one indicator must not read a million-row store.
            if (indicatorCodes.Count > 0)
            {
                query = query.Where(o => indicatorCodes.Contains(o.IndicatorCode));
            }

            if (regionCodes.Count > 0)
            {
                var distinct = regionCodes.Distinct().ToList();
                query = query.Where(o => distinct.Contains(o.RegionCode));
            }

            if (parse.GetValue(period) is { } p)
            {
                var pr = lookups.ParsePeriod(p);
                if (!pr.Success)
                {
                    await parse.Err().WriteLineAsync(pr.Error.ToString());
                    return 2;
                }

                var wanted = pr.Value;
                query = query.Where(o => o.Period == wanted);
            }

            var selected = await query.ToListAsync(ct);
            if (bulletin)
            {
                var figures = selected
                    .Select(o => new BulletinFigure(o.ToRecord(), lookups.RegionName(o.RegionCode), lookups.FindIndicator(o.IndicatorCode.Value)?.NameZh ?? o.IndicatorCode.Value))
                    .ToList();
                await using (var stream = File.Create(path))
                {
                    BulletinExporter.Write(stream, figures, parse.GetValue(by) == "topic" ? BulletinSheets.Topic : BulletinSheets.Region);
                }

                await parse.Out().WriteLineAsync($"已导出 {figures.Count} 个数到 {path}(统计月报式) / exported {figures.Count} figures to {path} (bulletin layout)");
                return 0;
            }

            var language = ExportLanguageOption.Value(parse, lang);
            var export = selected
                .OrderBy(o => o.RegionCode).ThenBy(o => o.IndicatorCode).ThenBy(o => o.Period)
                .Select(o => ExportRow.FromRecord(o.ToRecord(), lookups.RegionName(o.RegionCode), lookups.FindIndicator(o.IndicatorCode.Value)?.NameZh ?? o.IndicatorCode.Value))
                .ToList();
            await using (var stream = File.Create(path))
            {
                if (ext == ".CSV")
                {
                    await ObservationExporter.WriteCsvAsync(stream, export, language, ct);
                }
                else
                {
                    await ObservationExporter.WriteXlsxAsync(stream, export, language, ct);
                }
            }

            await parse.Out().WriteLineAsync($"已导出 {export.Count} 行到 {path} / exported {export.Count} rows to {path}");
            return 0;
        });
        return command;
    }
}
