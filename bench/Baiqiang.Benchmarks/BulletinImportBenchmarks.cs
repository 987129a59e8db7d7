using System.Globalization;
using Baiqiang.Core.Indicators;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Quantities;
using Baiqiang.Core.Regions;
using Baiqiang.Storage.Export;
using Baiqiang.Storage.Import;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace Baiqiang.Benchmarks;

/// <summary>
/// A statistics-bureau workbook of 20 sheets (one per month), each 300 indicators down × 30 regions across the top with
/// 绝对值 / 增速 under a merged region cell — 180,000 figures — read and validated by the bulletin reader (target &lt; 2 s).
/// </summary>
/// <remarks>The workbook is written once in the setup with the repository's own <see cref="WorkbookWriter"/>; the catalogue
/// and division table are in memory, so the figure is the reader's (merged headers, mapping, units, duplicate index).</remarks>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, warmupCount: 1, iterationCount: 3)]
public class BulletinImportBenchmarks
{
    private const int Sheets = 20;
    private const int Indicators = 300;
    private const int Regions = 30;

    private string _dir = string.Empty;
    private string _file = string.Empty;
    private InMemoryImportLookups _lookups = null!;

    [GlobalSetup]
    public void Setup()
    {
        _dir = Directory.CreateTempSubdirectory("baiqiang-bench-bulletin-").FullName;
        _file = Path.Combine(_dir, "月报.xlsx");
        var regions = Enumerable.Range(0, Regions)
            .Select(r => new Region(new RegionCode(320601 + r), "测试" + r.ToString(CultureInfo.InvariantCulture) + "区", RegionKind.MunicipalDistrict, new RegionCode(320600)))
            .Prepend(new Region(new RegionCode(320600), "测试市", RegionKind.PrefectureCity, new RegionCode(320000)))
            .ToList();
        var indicators = Enumerable.Range(0, Indicators)
            .Select(i => new Indicator(new IndicatorCode("bench_" + i.ToString(CultureInfo.InvariantCulture)), "测试指标" + i.ToString(CultureInfo.InvariantCulture),
                "Bench " + i.ToString(CultureInfo.InvariantCulture), Unit.YiYuan, IndicatorKind.Flow, Direction.HigherIsBetter, true, false, []))
            .ToList();
        _lookups = new InMemoryImportLookups(regions, indicators, t => ChinesePeriodParser.TryParse(t));

        var sheets = new List<WorkbookSheet>();
        for (var s = 0; s < Sheets; s++)
        {
            var period = StatPeriod.CumulativeTo(2022 + (s / 12), (s % 12) + 1);
            var sheet = new WorkbookSheet("第" + (s + 1).ToString(CultureInfo.InvariantCulture) + "期");
            var width = 2 + (2 * Regions);
            sheet.Rows.Add([BulletinExporter.Chinese(period) + "各区主要经济指标", .. new object?[width - 1]]);
            sheet.Merge(0, 0, 1, width);
            var top = new object?[width];
            var sub = new object?[width];
            top[0] = "指标名称";
            top[1] = "计量单位";
            for (var r = 0; r < Regions; r++)
            {
                top[2 + (2 * r)] = regions[r + 1].Name;
                top[3 + (2 * r)] = regions[r + 1].Name;
                sub[2 + (2 * r)] = "绝对值";
                sub[3 + (2 * r)] = "增速";
                sheet.Merge(1, 2 + (2 * r), 1, 2);
            }

            sheet.Rows.Add(top);
            sheet.Rows.Add(sub);
            for (var i = 0; i < Indicators; i++)
            {
                var row = new object?[width];
                row[0] = indicators[i].NameZh;
                row[1] = "亿元";
                for (var r = 0; r < Regions; r++)
                {
                    row[2 + (2 * r)] = 100m + i + (r * 0.25m) + s;
                    row[3 + (2 * r)] = ((i + r + s) % 17) - 4.5m;
                }

                sheet.Rows.Add(row);
            }

            sheets.Add(sheet);
        }

        using var stream = File.Create(_file);
        WorkbookWriter.Write(stream, sheets);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_dir, recursive: true);

    [Benchmark(Description = "20 sheets × 300 indicators × 30 regions (180,000 figures), read and validated")]
    public async Task<int> ReadBulletinWorkbook()
    {
        var result = await new ObservationFileReader().ReadAsync(_file, _lookups, ImportOptions.Default, CancellationToken.None);
        return result.Success ? result.Records.Count : throw new InvalidOperationException(string.Join("; ", result.Errors.Take(3)));
    }
}
