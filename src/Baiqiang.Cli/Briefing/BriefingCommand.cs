using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Baiqiang.Briefing;
using Baiqiang.Briefing.Rendering;
using Baiqiang.Briefing.Templates;
using Baiqiang.Cli.Store;
using Baiqiang.Core.Periods;
using Baiqiang.Storage.Lookups;
using Baiqiang.Storage.PeerGroups;

namespace Baiqiang.Cli.Briefing;

/// <summary>
/// <c>baiqiang briefing --region R --period P --out FILE.docx|.html|.pdf [--template T.json] [--lang zh|en]</c>, or for a
/// whole peer group <c>--group pref:320600 --out-dir D [--format docx|html|pdf]</c>.
/// </summary>
internal static class BriefingCommand
{
    public static Command Create()
    {
        var region = new Option<string?>("--region") { Description = "地区代码或名称,如 320612 或 通州区 / region code or name" };
        var period = new Option<string>("--period") { Description = "统计期别,如 2023-01..06 或 2023年上半年 / period", Required = true };
        var output = new Option<string?>("--out") { Description = "输出文件 .docx、.html 或 .pdf / output file .docx, .html or .pdf" };
        var template = new Option<string?>("--template") { Description = "模板 JSON 文件(默认内置模板) / template JSON file (default: built-in)" };
        var lang = Output.ExportLanguageOption.Create("zh | en(内置模板的语言,默认同全局 --lang) / language of the built-in template (default: the global --lang)");
        var group = new Option<string?>("--group") { Description = "批量:对比组,如 pref:320600 / batch: peer group id" };
        var outDir = new Option<string?>("--out-dir") { Description = "批量输出目录 / batch output folder" };
        var format = new Option<string>("--format") { Description = "批量输出格式 docx | html | pdf / batch format", DefaultValueFactory = _ => "docx" };
        format.AcceptOnlyFromAmong("docx", "html", "pdf");
        var noCharts = new Option<bool>("--no-charts") { Description = "不画图(更快) / skip charts" };
        var printTemplate = new Option<bool>("--print-template") { Description = "打印所用模板 JSON 后退出(用于定制) / print the template JSON and exit" };
        var command = new Command("briefing", "生成经济运行简报(成绩单):Word、HTML 或 PDF / generate the monthly briefing as Word, HTML or PDF")
        {
            region, period, output, template, lang, group, outDir, format, noCharts, printTemplate,
        };
        command.SetAction(async (parse, ct) =>
        {
            BriefingTemplate tpl;
            try
            {
                tpl = parse.GetValue(template) is { } path ? BriefingTemplate.Load(path) : BriefingTemplate.Default(Output.ExportLanguageOption.IsEnglish(parse, lang) ? "en" : "zh");
            }
            catch (Exception e) when (e is FormatException or IOException)
            {
                await parse.Err().WriteLineAsync(e.Message);
                return 1;
            }

            if (parse.GetValue(printTemplate))
            {
                await parse.Out().WriteLineAsync(tpl.ToJson());
                return 0;
            }

            var periodText = parse.GetRequiredValue(period);
            var p = StatPeriod.TryParseCanonical(periodText);
            if (!p.Success)
            {
                p = ChinesePeriodParser.TryParse(periodText);
            }

            if (!p.Success)
            {
                await parse.Err().WriteLineAsync(p.Error.ToString());
                return 2;
            }

            var options = new BriefingOptions { Template = tpl, Charts = !parse.GetValue(noCharts) };
            await using var db = await StoreAccess.OpenAsync(parse, ct);
            var lookups = await StoreLookups.LoadAsync(db, ct);

            if (parse.GetValue(group) is { } groupId)
            {
                var dir = parse.GetValue(outDir) ?? ".";
                Directory.CreateDirectory(dir);
                var members = await PeerGroupStore.MembersAsync(db, groupId, ct);
                if (members.Count == 0)
                {
                    await parse.Err().WriteLineAsync($"对比组“{groupId}”不存在或无成员 / peer group '{groupId}' does not exist or is empty");
                    return 1;
                }

                var clock = Stopwatch.StartNew();
                foreach (var member in members)
                {
                    var doc = await BriefingGenerator.GenerateAsync(db, member, p.Value, options, ct);
                    var file = Path.Combine(dir, $"{member}_{p.Value.ToString().Replace("..", "_", StringComparison.Ordinal)}.{parse.GetValue(format)}");
                    await BriefingFiles.WriteAsync(doc, file, ct);
                    await parse.Out().WriteLineAsync($"{file}  {doc.Title}");
                }

                await parse.Out().WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"共生成 {members.Count} 份简报,用时 {clock.Elapsed.TotalSeconds:0.0} 秒 / {members.Count} briefings in {clock.Elapsed.TotalSeconds:0.0} s"));
                return 0;
            }

            var regionText = parse.GetValue(region);
            var outPath = parse.GetValue(output);
            if (regionText is null || outPath is null)
            {
                await parse.Err().WriteLineAsync("须给出 --region 和 --out(或批量用 --group 和 --out-dir) / give --region and --out (or --group and --out-dir for a batch)");
                return 2;
            }

            if (!BriefingFiles.IsSupported(outPath))
            {
                await parse.Err().WriteLineAsync($"输出文件须为 .docx、.html 或 .pdf:“{outPath}” / output must be .docx, .html or .pdf: '{outPath}'");
                return 2;
            }

            var r = lookups.ResolveRegion(regionText);
            if (!r.Success)
            {
                await parse.Err().WriteLineAsync(r.Error.ToString());
                return 1;
            }

            try
            {
                var doc = await BriefingGenerator.GenerateAsync(db, r.Value, p.Value, options, ct);
                await BriefingFiles.WriteAsync(doc, outPath, ct);
                await parse.Out().WriteLineAsync($"已生成 / written: {outPath}  {doc.Title}({doc.Sections.Count} 部分 sections, {doc.Figures.Count()} 图 charts)");
                return 0;
            }
            catch (InvalidOperationException e)
            {
                await parse.Err().WriteLineAsync(e.Message);
                return 1;
            }
        });
        return command;
    }
}
