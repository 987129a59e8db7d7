using System.CommandLine;
using System.Globalization;
using Baiqiang.Cli.Store;
using Baiqiang.Core.Regions;
using Baiqiang.Extraction;
using Baiqiang.Storage;
using Baiqiang.Extraction.Input;
using Baiqiang.Storage.Extraction;
using Baiqiang.Storage.Indicators;
using Baiqiang.Storage.Regions;
using Baiqiang.Storage.Sample;

namespace Baiqiang.Cli.Extraction;

/// <summary>
/// <c>baiqiang extract FILE… [--date YYYY-MM-DD] [--format jsonl|csv] [--store]</c>: read indicator facts from reports,
/// one fact per line; cross-check findings go to standard error; with <c>--store</c> the facts are kept as pending for review.
/// </summary>
internal static class ExtractCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("FILE") { Description = "报道或公报文件(.txt/.html)或文件夹,可多个 / report files (.txt/.html) or folders", Arity = ArgumentArity.OneOrMore };
        var date = new Option<string?>("--date") { Description = "文档日期 YYYY-MM-DD(解析“今年”“上半年”) / document date for 今年, 上半年 …" };
        var format = new Option<string>("--format") { Description = "输出格式 jsonl 或 csv / output format jsonl or csv", DefaultValueFactory = _ => "jsonl" };
        format.AcceptOnlyFromAmong("jsonl", "csv");
        var store = new Option<bool>("--store") { Description = "把抽取结果存为待审核事实 / keep the facts as pending for review" };
        var command = new Command("extract", "从报道与公报中抽取指标事实 / extract indicator facts from reports and bulletins") { files, date, format, store };
        command.SetAction(async (parse, ct) =>
        {
            DateOnly? reference = null;
            if (parse.GetValue(date) is { } d)
            {
                if (!DateOnly.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var r))
                {
                    await parse.Err().WriteLineAsync($"日期“{d}”应为 YYYY-MM-DD / date '{d}' must be YYYY-MM-DD");
                    return 2;
                }

                reference = r;
            }

            var paths = new List<string>();
            foreach (var p in parse.GetRequiredValue(files))
            {
                if (Directory.Exists(p))
                {
                    paths.AddRange(Directory.EnumerateFiles(p).Where(IsDocument).Order(StringComparer.Ordinal));
                }
                else if (File.Exists(p))
                {
                    paths.Add(p);
                }
                else
                {
                    await parse.Err().WriteLineAsync($"找不到“{p}” / '{p}' not found");
                    return 1;
                }
            }

            await using var db = await StoreAccess.OpenAsync(parse, ct);
            var matcher = await MatcherAsync(db, ct);
            var extractor = new FactExtractor(matcher, await IndicatorStore.LoadAllAsync(db, ct));
            var csv = parse.GetValue(format) == "csv";
            var output = parse.Out();
            if (csv)
            {
                await output.WriteLineAsync(FactWriter.CsvHeader);
            }

            foreach (var path in paths)
            {
                var raw = await ReadTextAsync(path, ct);
                var result = extractor.Extract(Path.GetFileName(path), raw, reference);
                foreach (var notice in result.Text.Notices)
                {
                    await parse.Err().WriteLineAsync($"{Path.GetFileName(path)}: {notice}");
                }

                if (result.MainRegionCode is null && result.Facts.Count > 0 && result.Facts.All(f => f.RegionCode is null))
                {
                    await parse.Err().WriteLineAsync(
                        $"{Path.GetFileName(path)}: 未能确定文档所属地区,{result.Facts.Count} 条事实的 regionCode 为空 / no region could be resolved for this document; its {result.Facts.Count} facts have a null regionCode");
                }
                foreach (var fact in result.Facts)
                {
                    await output.WriteLineAsync(csv ? FactWriter.ToCsvLine(fact) : FactWriter.ToJsonLine(fact));
                }

                foreach (var check in result.Checks.Where(c => !c.Consistent))
                {
                    await parse.Err().WriteLineAsync($"校核 / check [{result.Doc} @{string.Join(",", check.FactOffsets)}]: {check.Message}");
                }

                if (parse.GetValue(store))
                {
                    var saved = await ExtractionStore.SaveAsync(db, result, raw, Actor(), ct);
                    await parse.Err().WriteLineAsync($"已存为待审核 / stored as pending: 文档 document {saved.DocumentId}, {saved.Facts} 条事实 facts");
                }
            }

            return 0;
        });
        return command;
    }

    internal static Baiqiang.Core.Access.Actor Actor() => Baiqiang.Core.Access.Actor.LocalAdmin(Environment.UserName);

    private static bool IsDocument(string path)
        => Path.GetExtension(path).ToLowerInvariant() is ".txt" or ".html" or ".htm" or ".md";

    /// <summary>The store's regions (division tables when imported, and the user's parks) plus the built-in sample regions, which are preferred when a name is ambiguous.</summary>
    internal static async Task<RegionMatcher> MatcherAsync(BaiqiangDbContext db, CancellationToken ct)
    {
        var regions = new Dictionary<RegionCode, Region>();
        foreach (var r in SampleData.Regions)
        {
            regions[r.Code] = r;
        }

        foreach (var r in await RegionStore.LoadAllAsync(db, ct))
        {
            if (!regions.TryGetValue(r.Code, out var existing) || existing.ValidTo is not null)
            {
                regions[r.Code] = r;
            }
        }

        var all = regions.Values.ToList();
        var preferred = SampleData.Regions.Select(r => r.Code).Concat(all.Where(r => r.IsPark).Select(r => r.Code));
        return new RegionMatcher(new RegionRegistry(all), preferred);
    }

    /// <summary>UTF-8, UTF-16 (by byte-order mark or content) or GB18030: see <see cref="TextDecoder"/>.</summary>
    internal static async Task<string> ReadTextAsync(string path, CancellationToken ct)
        => TextDecoder.Decode(await File.ReadAllBytesAsync(path, ct)).Text;
}
