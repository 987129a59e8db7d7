using System.Globalization;
using System.Text;
using Baiqiang.Core.Access;
using Baiqiang.Core.Services;
using Baiqiang.Storage.Export;
using Baiqiang.Storage.Import;
using Baiqiang.Storage.Lists;
using Baiqiang.Storage.Pipeline;
using Baiqiang.Storage.Projects;
using Baiqiang.Storage.Services;
using Baiqiang.Storage.Tests.Import;
using Baiqiang.Storage.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Storage.Tests.Faults;

/// <summary>
/// Issue 20's standing mutation fuzzer: valid CSV and XLSX files of every importer (observations long and wide, the
/// project ledger and monthly form, deals, enterprises, visits, requests, cash-outs) are mutated — byte flips,
/// truncation, deleted and duplicated cells, huge and vanishing numbers, blank units, NUL bytes in codes, encoding
/// garbage, corrupt zip packages — and each case must end as a clean result: an error list naming rows in Chinese and
/// English with nothing read or stored, or a success whose records survive an export/re-import unchanged and, for
/// importers that store, a store changed by exactly what the import reports. Mutations that break a rule of the issue
/// (a short/long row, a blank unit, an out-of-range number, a control character in a code) must be refused.
/// </summary>
/// <remarks>Seeded and reproducible: BAIQIANG_FUZZ_SEED picks the seed (default fixed); a failure names the seed,
/// the case number, the target and the mutation.</remarks>
public abstract class ImportFuzzTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StoreFixture
{
    /// <summary>Cases per target; 12 targets → 540 cases per run.</summary>
    private const int CasesPerTarget = 45;

    private static readonly Actor Admin = Actor.LocalAdmin("fuzz");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private enum Mutation
    {
        ByteFlip,
        Truncate,
        DeleteCell,
        DuplicateCell,
        HugeNumber,
        TinyNumber,
        BlankUnit,
        NulInCode,
        EncodingGarbage,
        DuplicateRow,
        ZipCorrupt,
    }

    private enum Kind
    {
        Observations,
        List,
        Projects,
    }

    // Numeric: columns holding numbers (values, growth, money); Unit: the unit column or -1; Code: a code column whose
    // control characters must be refused, or -1.
    private sealed record Target(string Name, Kind Kind, bool Xlsx, string[] Titles, string Header, string[] Rows, int[] Numeric, int Unit, int Code,
        Func<BaiqiangDbContext, byte[], string, Task<Outcome>> Run);

    private sealed record Outcome(bool Success, int Items, IReadOnlyList<ImportError> Errors, string? RoundTripProblem = null);

    private static string Credit(int n)
    {
        var body = "91510502" + n.ToString("D9", CultureInfo.InvariantCulture);
        return body + UnifiedSocialCreditCode.CheckCharacter(body);
    }

    private static IEnumerable<Target> Targets()
    {
        const string obsHeader = "地区,指标,期别,数值,单位,增长";
        string[] obsRows = ["320612,gdp,2023-01..06,880.5,亿元,7.8", "510502,gdp,2023-01..06,2470000,万元,6.1", "320612,budget_revenue,2023-01..06,41.2,亿元,-2.1", "510502,retail_sales,2022-01..06,228.09,亿元,5"];
        foreach (var xlsx in new[] { false, true })
        {
            yield return new("observations-long" + (xlsx ? ".xlsx" : ".csv"), Kind.Observations, xlsx, [], obsHeader, obsRows, [3, 5], 4, -1, RunObservationsAsync);
        }

        yield return new("observations-wide.csv", Kind.Observations, false, ["2023年1-6月"], "地区,地区生产总值(亿元),一般公共预算收入(万元)", ["320612,880.5,412000", "510502,247,98000"], [1, 2], -1, -1, RunObservationsAsync);

        const string dealHeader = "项目编号,项目名称,地区代码,投资方,投资方类型,来源区域,产业链,线索来源,计划投资(亿元),线索日期,签约日期,开工日期";
        string[] dealRows = ["FZ-1,铝型材项目,360123401,某铝业,民企,长三角,铝型材,以商招商,12.5,2023-01-05,2023-02-01,2023-03-01", "FZ-2,电子元件项目,510502,某电子,民企,珠三角,电子信息,以商招商,3,2023-02-05,,"];
        foreach (var xlsx in new[] { false, true })
        {
            yield return new("deals" + (xlsx ? ".xlsx" : ".csv"), Kind.List, xlsx, [], dealHeader, dealRows, [8], -1, 0, RunDealsAsync);
        }

        yield return new("enterprises.csv", Kind.List, false, [], "统一社会信用代码,企业名称,地区代码,企业标签", [$"{Credit(1)},甲公司,510502,规上、高新技术企业", $"{Credit(2)},乙公司,510502,"], [], -1, -1,
            (_, b, f) => RunListAsync(b, f, ServiceFiles.EnterpriseColumns, ServiceFiles.ParseEnterprise));
        yield return new("visits.csv", Kind.List, false, [], "走访编号,走访日期,走访人员,统一社会信用代码,地区代码,走访记录", [$"V1,2023-03-01,张三,{Credit(1)},510502,座谈", $"V2,2023-03-02,李四,{Credit(2)},510502,"], [], -1, -1,
            (_, b, f) => RunListAsync(b, f, ServiceFiles.VisitColumns, ServiceFiles.ParseVisit));
        yield return new("requests.csv", Kind.List, false, [], "id,credit_code,region,category,department,raised_on,deadline,status,closed_on,resolution,satisfaction",
            [$"R1,{Credit(1)},510502,技术改造,区经信局,2023-03-01,2023-04-30,已解决,2023-03-21,已协调设备补贴,满意", $"R2,{Credit(2)},510502,用地,区自然资源局,2023-03-05,2023-05-30,,,,"], [], -1, 0,
            (_, b, f) => RunListAsync(b, f, ServiceFiles.RequestColumns, ServiceFiles.ParseRequest));
        yield return new("cash-outs.csv", Kind.List, false, [], "兑现编号,政策项目,兑现方式,对象类型,对象名称,统一社会信用代码,地区代码,金额(万元),兑现日期",
            [$"C1,技改奖补,奖补,企业,甲公司,{Credit(1)},510502,50,2023-05-01", "C2,租金减免,减免,个体工商户,王记小吃,,510502,1.5,2023-06-01"], [7], -1, -1,
            (_, b, f) => RunListAsync(b, f, ServiceFiles.CashOutColumns, ServiceFiles.ParseCashOut));

        const string ledgerHeader = "序号,项目编号,项目名称,所属地区,总投资(亿元),计划年度,年度计划投资(亿元),项目状态,项目性质,标签,开工时间,责任领导,责任单位";
        string[] ledgerRows = ["1,FZL-1,白酒产业园,510504,12.5,2022,3.2,在建,技改,省重点,2022年3月15日,李副区长,区经信局", "2,FZL-2,物流园,510504,4,2022,1,在建,新开工,,2022-05,王副区长,区商务局"];
        foreach (var xlsx in new[] { false, true })
        {
            yield return new("ledger" + (xlsx ? ".xlsx" : ".csv"), Kind.Projects, xlsx, [], ledgerHeader, ledgerRows, [4, 6], -1, 1, (db, b, f) => RunProjectsAsync(db, b, f, approve: false));
        }

        yield return new("monthly-form.csv", Kind.Projects, false, [], "项目编号,项目名称,本月完成投资(万元),1月累计完成投资(万元),填报月份",
            ["FZL-1,白酒产业园,100,100,2022-01", "FZL-2,物流园,80,80,2022-01"], [2, 3], -1, 0, (db, b, f) => RunProjectsAsync(db, b, f, approve: true));
    }

    [Fact]
    public async Task Mutations_EveryImporter_CleanErrorOrExactStore()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("BAIQIANG_FUZZ_SEED"), CultureInfo.InvariantCulture, out var s) ? s : 20261206;
        await using var db = fixture.Open();
        var targets = Targets().ToList();

        // The valid files themselves import (and the ledger seeds the projects the monthly form reports on).
        foreach (var t in targets)
        {
            var valid = await t.Run(db, Build(t, t.Rows.Select(Split).ToList()), t.Name);
            Assert.True(valid.Success, $"{t.Name}: the unmutated file must import: {string.Join("; ", valid.Errors)}");
        }

        var random = new Random(seed);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var cases = 0;
        foreach (var t in targets)
        {
            for (var i = 0; i < CasesPerTarget; i++)
            {
                cases++;
                var mutation = Pick(t, random);
                var (bytes, mustFail, what) = Mutate(t, mutation, random);
                var where = $"seed {seed}, case {cases}, {t.Name}, {mutation} ({what})";
                var before = await SnapshotAsync(db);
                Outcome outcome;
                try
                {
                    outcome = await t.Run(db, bytes, t.Name);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    Assert.Fail($"{where}: unhandled {ex.GetType().Name}: {ex.Message}");
                    throw;
                }

                var after = await SnapshotAsync(db);
                var key = outcome.Success ? "accepted" : "refused";
                counts[key] = counts.GetValueOrDefault(key) + 1;
                if (!outcome.Success)
                {
                    Assert.True(outcome.Errors.Count > 0, $"{where}: a failure without errors");
                    Assert.Equal(0, outcome.Items);
                    Assert.True(before == after, $"{where}: a refused import changed the store ({before} → {after})");
                    foreach (var e in outcome.Errors)
                    {
                        Assert.True(e.Message.Zh.Any(c => c >= '\u4e00' && c <= '\u9fff') && e.Message.En.Any(char.IsAsciiLetter), $"{where}: error not bilingual: {e}");
                        Assert.True(e.Row is null or >= 1, $"{where}: bad row number {e.Row}");
                    }
                }
                else
                {
                    Assert.False(mustFail, $"{where}: must be refused but was accepted");
                    Assert.True(outcome.RoundTripProblem is null, $"{where}: {outcome.RoundTripProblem}");
                    Assert.True(after.Projects - before.Projects <= outcome.Items, $"{where}: the store gained more projects than the import reports");
                }
            }
        }

        Assert.True(cases >= 500, $"only {cases} cases");
        TestContext.Current.TestOutputHelper?.WriteLine($"import fuzz seed {seed}: {cases} cases, {counts.GetValueOrDefault("accepted")} accepted, {counts.GetValueOrDefault("refused")} refused");
    }

    private static Mutation Pick(Target t, Random random)
    {
        while (true)
        {
            var m = (Mutation)random.Next(Enum.GetValues<Mutation>().Length);
            var fits = m switch
            {
                Mutation.HugeNumber or Mutation.TinyNumber => t.Numeric.Length > 0,
                Mutation.BlankUnit => t.Unit >= 0,
                Mutation.NulInCode => t.Code >= 0,
                Mutation.ZipCorrupt => t.Xlsx,
                Mutation.EncodingGarbage or Mutation.ByteFlip or Mutation.Truncate => true,
                _ => true,
            };
            if (fits)
            {
                return m;
            }
        }
    }

    private static string[] Split(string line) => line.Split(',');

    /// <summary>The file for <paramref name="rows"/>: CSV text (UTF-8) or an XLSX whose cells are strings.</summary>
    private static byte[] Build(Target t, List<string[]> rows)
    {
        if (!t.Xlsx)
        {
            var lines = t.Titles.Concat([t.Header]).Concat(rows.Select(r => string.Join(',', r)));
            return new UTF8Encoding(false).GetBytes(string.Join("\n", lines) + "\n");
        }

        var sheet = t.Titles.Select(x => new object?[] { x }).Concat([Split(t.Header).Cast<object?>().ToArray()]).Concat(rows.Select(r => r.Cast<object?>().ToArray())).ToArray();
        return ImportTestFiles.Xlsx(sheet);
    }

    private static (byte[] Bytes, bool MustFail, string What) Mutate(Target t, Mutation m, Random random)
    {
        var rows = t.Rows.Select(Split).ToList();
        var r = random.Next(rows.Count);
        var row = rows[r];
        switch (m)
        {
            case Mutation.DeleteCell:
            {
                var c = random.Next(row.Length);
                rows[r] = [.. row.Take(c), .. row.Skip(c + 1)];
                return (Build(t, rows), !t.Xlsx, $"row {r}, cell {c}"); // a CSV row shorter than the header
            }

            case Mutation.DuplicateCell:
            {
                var c = random.Next(row.Length);
                rows[r] = [.. row.Take(c + 1), row[c].Length == 0 ? "x" : row[c], .. row.Skip(c + 1)];
                return (Build(t, rows), true, $"row {r}, cell {c}"); // longer than the header, with a value beyond it
            }

            case Mutation.HugeNumber or Mutation.TinyNumber:
            {
                var c = t.Numeric[random.Next(t.Numeric.Length)];
                string[] huge = ["79228162514264337593543950335", "1e30", "-79228162514264337593543950336", "1000000000000000", "9e99999"];
                string[] tiny = ["1e-400", "0.00000000000000000000000000001", "1E-50"];
                var pool = m == Mutation.HugeNumber ? huge : tiny;
                row[c] = pool[random.Next(pool.Length)];
                return (Build(t, rows), true, $"row {r}, cell {c} = {row[c]}");
            }

            case Mutation.BlankUnit:
                row[t.Unit] = string.Empty;
                return (Build(t, rows), true, $"row {r}");

            case Mutation.NulInCode:
            {
                var code = row[t.Code];
                var at = random.Next(code.Length + 1);
                row[t.Code] = code[..at] + (random.Next(2) == 0 ? "\0" : "\u0007") + code[at..];
                return (Build(t, rows), true, $"row {r} at {at}");
            }

            case Mutation.DuplicateRow:
                rows.Insert(r, [.. row]);
                return (Build(t, rows), false, $"row {r}");

            case Mutation.EncodingGarbage:
            {
                var bytes = Build(t, rows).ToList();
                var at = random.Next(bytes.Count);
                var garbage = new byte[1 + random.Next(6)];
                random.NextBytes(garbage);
                bytes.InsertRange(at, garbage);
                return ([.. bytes], false, $"{garbage.Length} bytes at {at}");
            }

            case Mutation.Truncate:
            {
                var bytes = Build(t, rows);
                var at = random.Next(1, bytes.Length);
                return (bytes[..at], false, $"at {at} of {bytes.Length}");
            }

            case Mutation.ZipCorrupt:
            {
                var bytes = Build(t, rows);
                var flips = 1 + random.Next(8);
                for (var i = 0; i < flips; i++)
                {
                    bytes[random.Next(bytes.Length)] ^= (byte)(1 + random.Next(255));
                }

                return (bytes, false, $"{flips} bytes");
            }

            default:
            {
                var bytes = Build(t, rows);
                var at = random.Next(bytes.Length);
                bytes[at] ^= (byte)(1 << random.Next(8));
                return (bytes, false, $"byte {at}");
            }
        }
    }

    private sealed record Snapshot(int Projects, int Reports, int Deals, string Names);

    private static async Task<Snapshot> SnapshotAsync(BaiqiangDbContext db)
    {
        var names = await db.Projects.AsNoTracking().OrderBy(p => p.Id).Select(p => p.Code + "|" + p.Name).ToListAsync(Ct);
        return new Snapshot(names.Count, await db.MonthlyReports.CountAsync(Ct), await db.Deals.CountAsync(Ct), string.Join(";", names));
    }

    private static async Task<Outcome> RunObservationsAsync(BaiqiangDbContext db, byte[] bytes, string fileName)
    {
        var read = await ImportTestFiles.ReadBytesAsync(fileName, bytes);
        if (!read.Success)
        {
            return new(false, read.Records.Count, read.Errors);
        }

        // What was accepted reads back the same through an export: no value was bent on the way in.
        using var ms = new MemoryStream();
        await ObservationExporter.WriteCsvAsync(ms, read.Records.Select(x => ExportRow.FromRecord(x, string.Empty, string.Empty)), ExportLanguage.Chinese, Ct);
        var back = await ImportTestFiles.ReadBytesAsync("back.csv", ms.ToArray());
        string? problem = null;
        if (!back.Success)
        {
            problem = "the accepted records do not re-import: " + string.Join("; ", back.Errors);
        }
        else if (!back.Records.Select(x => (x.Region, x.Indicator, x.Period, x.Value, x.GrowthPercent)).SequenceEqual(read.Records.Select(x => (x.Region, x.Indicator, x.Period, x.Value, x.GrowthPercent))))
        {
            problem = "the accepted records change on re-import";
        }
        else if (read.Records.Any(x => x.Value is { } v && Math.Abs(v) >= 1_000_000_000_000_000m))
        {
            problem = "an out-of-range value was accepted";
        }

        return new(true, read.Records.Count, [], problem);
    }

    private static async Task<Outcome> RunListAsync<T>(byte[] bytes, string fileName, IReadOnlyList<ListColumn> columns, Func<ListRow, T?> parse)
        where T : class
    {
        using var stream = new MemoryStream(bytes, writable: false);
        var r = await ListFileReader.ReadAsync(stream, fileName, columns, parse, null, Ct);
        return new(r.Success, r.Items.Count, r.Errors);
    }

    private static async Task<Outcome> RunDealsAsync(BaiqiangDbContext db, byte[] bytes, string fileName)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        var r = await ListFileReader.ReadAsync(stream, fileName, DealFile.Columns, DealFile.Parse, null, Ct);
        if (!r.Success)
        {
            return new(false, 0, r.Errors);
        }

        var before = await db.Deals.CountAsync(Ct);
        var stored = await PipelineStore.SaveDealsAsync(db, Admin, r.Items, Ct);
        var after = await db.Deals.CountAsync(Ct);
        db.ChangeTracker.Clear();
        if (!stored.Success)
        {
            return new(false, 0, [.. stored.Errors.Select(e => new ImportError(fileName, null, null, e))]);
        }

        return new(true, r.Items.Count, [], after - before == stored.Added ? null : $"{stored.Added} deals reported added, {after - before} stored");
    }

    private static async Task<Outcome> RunProjectsAsync(BaiqiangDbContext db, byte[] bytes, string fileName, bool approve)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        var r = await ProjectFileImporter.ImportAsync(db, stream, fileName, new ProjectImportOptions(Approve: approve), Admin, Ct);
        db.ChangeTracker.Clear();
        return new(r.Success, r.Success ? r.Added + r.Updated + r.Unchanged + r.Skipped : 0, r.Errors);
    }
}

public sealed class SqliteImportFuzzTests(SqliteFixture fixture) : ImportFuzzTests<SqliteFixture>(fixture);

public sealed class PostgresImportFuzzTests(PostgresFixture fixture) : ImportFuzzTests<PostgresFixture>(fixture);
