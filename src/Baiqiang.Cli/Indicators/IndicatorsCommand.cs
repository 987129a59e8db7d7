using System.CommandLine;
using System.Globalization;
using System.Text;
using Baiqiang.Cli.Store;
using Baiqiang.Core.Access;
using Baiqiang.Core.Indicators;
using Baiqiang.Core.Quantities;
using Baiqiang.Storage;
using Baiqiang.Storage.Indicators;
using Baiqiang.Storage.Units;

namespace Baiqiang.Cli.Indicators;

/// <summary><c>baiqiang indicators list|show|add|update|retire|import|export</c>: the store's indicator catalogue (指标目录).</summary>
internal static class IndicatorsCommand
{
    public static Command Create() => new("indicators", "指标目录:列出、查看、添加、修改、停用、导入、导出 / the indicator catalogue: list, show, add, update, retire, import, export")
    {
        List(), Show(), Add(), Update(), Retire(), Import(), Export(),
    };

    private static Actor CliActor() => Actor.LocalAdmin(Environment.UserName);

    private static Command List()
    {
        var category = new Option<string?>("--category") { Description = "只列出该分类(如 工业、财政) / only this category" };
        var command = new Command("list", "列出指标目录 / list the catalogue") { category };
        command.SetAction(async (parse, ct) =>
        {
            await using var db = await StoreAccess.OpenAsync(parse, ct);
            var catalogue = await IndicatorStore.LoadCatalogueAsync(db, ct);
            var table = new TextTable("代码 code", "名称 name", "单位 unit", "类型 kind", "分类 category", "上级 parent", "状态 status");
            foreach (var i in catalogue.All.Where(i => parse.GetValue(category) is not { } c || i.Category == c))
            {
                table.Add(i.Code.Value, i.NameZh, i.Unit.Symbol, IndicatorCatalogue.KindText(i.Kind), i.Category, i.Parent?.Value ?? "—",
                    i.Retired is { } r ? "停用 retired " + r.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "在用 in use");
            }

            table.WriteTo(parse.Out());
            return 0;
        });
        return command;
    }

    private static Command Show()
    {
        var code = new Argument<string>("INDICATOR") { Description = "指标代码、名称或别名 / indicator code, name or alias" };
        var command = new Command("show", "查看一个指标 / show one indicator") { code };
        command.SetAction(async (parse, ct) =>
        {
            await using var db = await StoreAccess.OpenAsync(parse, ct);
            var catalogue = await IndicatorStore.LoadCatalogueAsync(db, ct);
            if (catalogue.Find(parse.GetRequiredValue(code)) is not { } i)
            {
                await parse.Err().WriteLineAsync($"未知指标“{parse.GetRequiredValue(code)}” / unknown indicator '{parse.GetRequiredValue(code)}'");
                return 1;
            }

            var o = parse.Out();
            await o.WriteLineAsync($"代码 code: {i.Code}");
            await o.WriteLineAsync($"名称 name: {i.NameZh} / {i.NameEn}");
            await o.WriteLineAsync($"单位 unit: {i.Unit.Symbol} ({i.Unit.Dimension})");
            await o.WriteLineAsync($"类型 kind: {IndicatorCatalogue.KindText(i.Kind)}; {(i.PublishedCumulatively ? "1–N月累计 cumulative" : "时点/当期 point")}; 方向 direction: {IndicatorCatalogue.DirectionText(i.Direction)}");
            await o.WriteLineAsync($"分类 category: {i.Category}; 上级 parent: {(i.Parent is { } p ? $"{catalogue.Get(p)?.NameZh} ({p})" : "—")}");
            await o.WriteLineAsync($"下级 children: {string.Join("、", catalogue.Children(i.Code).Select(c => c.NameZh).DefaultIfEmpty("—"))}");
            await o.WriteLineAsync($"可比价增长 comparable-price growth: {(i.ComparableGrowth ? "是 yes" : "否 no")}");
            await o.WriteLineAsync($"别名 aliases: {string.Join("、", i.Aliases)}");
            await o.WriteLineAsync($"停用 retired: {i.Retired?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—"}");
            await o.WriteLineAsync($"说明 description: {i.Description}");
            return 0;
        });
        return command;
    }

    private sealed record FieldOptions(
        Option<string?> Name, Option<string?> NameEn, Option<string?> Unit, Option<string?> Kind, Option<string?> Accumulation,
        Option<string?> Direction, Option<string?> Category, Option<string?> Parent, Option<string?> Comparable, Option<string?> Aliases,
        Option<string?> Description)
    {
        public static FieldOptions Create() => new(
            new("--name") { Description = "中文名称 / Chinese name" },
            new("--name-en") { Description = "英文名称 / English name" },
            new("--unit") { Description = "计量单位,如 亿元 / unit" },
            new("--kind") { Description = "flow|stock|rate|ratio" },
            new("--accumulation") { Description = "cumulative(1–N月累计)|point(期末/时点)" },
            new("--direction") { Description = "up|down|neutral" },
            new("--category") { Description = "分类,如 工业 / category" },
            new("--parent") { Description = "上级指标代码 / parent indicator code" },
            new("--comparable") { Description = "增速按可比价公布 yes|no / growth published at comparable prices" },
            new("--aliases") { Description = "别名,以 | 分隔 / aliases joined by |" },
            new("--description") { Description = "说明 / description" });

        public void AddTo(Command command)
        {
            foreach (var o in new Option[] { Name, NameEn, Unit, Kind, Accumulation, Direction, Category, Parent, Comparable, Aliases, Description })
            {
                command.Options.Add(o);
            }
        }

        /// <summary>Applies the given options over <paramref name="i"/>; throws FormatException/ArgumentException for bad values.</summary>
        public Indicator Apply(ParseResult parse, Indicator i, UnitTable units)
        {
            var aliases = parse.GetValue(Aliases) is { } a ? a.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList() : [.. i.Aliases];
            var name = parse.GetValue(Name) ?? i.NameZh;
            IndicatorCatalogue.AddTraditional(aliases, name);
            return new Indicator(
                i.Code, name, parse.GetValue(NameEn) ?? i.NameEn,
                parse.GetValue(Unit) is { } u ? (units.TryFind(u, out var found) ? found : throw new FormatException($"未知计量单位“{u}”(见 baiqiang units list) / unknown unit '{u}' (see baiqiang units list)")) : i.Unit,
                parse.GetValue(Kind) is { } k ? IndicatorCatalogue.ParseKind(k) : i.Kind,
                parse.GetValue(Direction) is { } d ? IndicatorCatalogue.ParseDirection(d) : i.Direction,
                parse.GetValue(Accumulation) is { } c ? IndicatorCatalogue.ParseAccumulation(c) : i.PublishedCumulatively,
                i.AllowsNegative, aliases)
            {
                Category = parse.GetValue(Category) ?? i.Category,
                Parent = parse.GetValue(Parent) is { } p ? (p.Length == 0 ? null : new IndicatorCode(p)) : i.Parent,
                ComparableGrowth = parse.GetValue(Comparable) is { } cg ? IndicatorCatalogue.YesNo(cg) : i.ComparableGrowth,
                Description = parse.GetValue(Description) ?? i.Description,
                Retired = i.Retired,
            };
        }
    }

    private static Command Add()
    {
        var code = new Argument<string>("CODE") { Description = "新指标代码(小写字母开头) / the new indicator's code" };
        var fields = FieldOptions.Create();
        var command = new Command("add", "添加指标 / add an indicator") { code };
        fields.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            try
            {
                var blank = new Indicator(new IndicatorCode(parse.GetRequiredValue(code)), string.Empty, string.Empty, Unit.None, IndicatorKind.Flow,
                    Direction.HigherIsBetter, true, false, []);
                await using var db = await StoreAccess.OpenAsync(parse, ct);
                var indicator = fields.Apply(parse, blank, await UnitStore.LoadTableAsync(db, ct));
                await IndicatorStore.AddAsync(db, indicator, ct, CliActor());
                await parse.Out().WriteLineAsync($"已添加 / added {indicator.Code} {indicator.NameZh}");
                return 0;
            }
            catch (Exception e) when (e is IndicatorException or FormatException or ArgumentException)
            {
                await parse.Err().WriteLineAsync(e.Message);
                return 1;
            }
        });
        return command;
    }

    private static Command Update()
    {
        var code = new Argument<string>("INDICATOR") { Description = "指标代码、名称或别名 / indicator code, name or alias" };
        var fields = FieldOptions.Create();
        var command = new Command("update", "修改指标(代码不变) / change an indicator (not its code)") { code };
        fields.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            try
            {
                await using var db = await StoreAccess.OpenAsync(parse, ct);
                var found = (await IndicatorStore.LoadCatalogueAsync(db, ct)).Find(parse.GetRequiredValue(code))
                    ?? throw new IndicatorException(new Core.Text.Bilingual($"未知指标“{parse.GetRequiredValue(code)}”", $"unknown indicator '{parse.GetRequiredValue(code)}'"));
                var indicator = await IndicatorStore.UpdateAsync(db, fields.Apply(parse, found, await UnitStore.LoadTableAsync(db, ct)), ct, CliActor());
                await parse.Out().WriteLineAsync($"已修改 / updated {indicator.Code} {indicator.NameZh}");
                return 0;
            }
            catch (Exception e) when (e is IndicatorException or FormatException or ArgumentException)
            {
                await parse.Err().WriteLineAsync(e.Message);
                return 1;
            }
        });
        return command;
    }

    private static Command Retire()
    {
        var code = new Argument<string>("INDICATOR") { Description = "指标代码、名称或别名 / indicator code, name or alias" };
        var on = new Option<string>("--on") { Description = "停用日期 yyyy-MM-dd / retirement date", Required = true };
        var command = new Command("retire", "停用指标:保留历史数据,不再接收新数据 / retire an indicator: history stays, no new figures") { code, on };
        command.SetAction(async (parse, ct) =>
        {
            if (!DateOnly.TryParseExact(parse.GetRequiredValue(on), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                await parse.Err().WriteLineAsync($"日期“{parse.GetRequiredValue(on)}”应为 yyyy-MM-dd / date '{parse.GetRequiredValue(on)}' should be yyyy-MM-dd");
                return 2;
            }

            try
            {
                await using var db = await StoreAccess.OpenAsync(parse, ct);
                var i = await IndicatorStore.RetireAsync(db, parse.GetRequiredValue(code), day, ct, CliActor());
                await parse.Out().WriteLineAsync($"已停用 / retired {i.Code} {i.NameZh} " + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                return 0;
            }
            catch (IndicatorException e)
            {
                await parse.Err().WriteLineAsync(e.Message);
                return 1;
            }
        });
        return command;
    }

    private static Command Export()
    {
        var file = new Argument<string>("FILE") { Description = "输出的 TSV 文件 / the TSV file to write" };
        var lang = Output.ExportLanguageOption.Create("表头语言 zh|en(默认同全局 --lang) / header language (default: the global --lang)");
        var command = new Command("export", "导出指标目录(TSV) / export the catalogue as TSV") { file, lang };
        command.SetAction(async (parse, ct) =>
        {
            await using var db = await StoreAccess.OpenAsync(parse, ct);
            var catalogue = await IndicatorStore.LoadCatalogueAsync(db, ct);
            var en = Output.ExportLanguageOption.IsEnglish(parse, lang);
            var sb = new StringBuilder();
            sb.Append(string.Join('\t', IndicatorCatalogue.Columns.Select(c => en ? c.Name : c.Zh))).Append('\n');
            foreach (var i in catalogue.All)
            {
                sb.Append(IndicatorCatalogue.ToLine(i)).Append('\n');
            }

            await File.WriteAllTextAsync(parse.GetRequiredValue(file), sb.ToString(), new UTF8Encoding(false), ct);
            await parse.Out().WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"已导出 / exported {catalogue.All.Count} 个指标 indicators → {parse.GetRequiredValue(file)}"));
            return 0;
        });
        return command;
    }

    private static Command Import()
    {
        var file = new Argument<string>("FILE") { Description = "指标目录 TSV(中文或英文表头) / a catalogue TSV (Chinese or English headers)" };
        var command = new Command("import", "导入指标目录:新代码添加,已有代码修改;有一行出错则全部不导入 / import a catalogue: new codes are added, known ones updated; all rows or none") { file };
        command.SetAction(async (parse, ct) =>
        {
            List<Indicator> rows;
            try
            {
                using var reader = new StreamReader(parse.GetRequiredValue(file), Encoding.UTF8);
                rows = IndicatorCatalogue.Parse(reader);
            }
            catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
            {
                await parse.Err().WriteLineAsync(e.Message);
                return 1;
            }

            await using var db = await StoreAccess.OpenAsync(parse, ct);
            var (added, updated) = (0, 0);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            for (var n = 0; n < rows.Count; n++)
            {
                try
                {
                    var known = (await IndicatorStore.LoadCatalogueAsync(db, ct)).Get(rows[n].Code) is not null;
                    await (known ? IndicatorStore.UpdateAsync(db, rows[n], ct, CliActor()) : IndicatorStore.AddAsync(db, rows[n], ct, CliActor()));
                    (added, updated) = known ? (added, updated + 1) : (added + 1, updated);
                }
                catch (IndicatorException e)
                {
                    await tx.RollbackAsync(ct);
                    await parse.Err().WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"第{n + 1}条指标({rows[n].Code})出错,未导入任何指标:{e.Reason.Zh} / indicator {n + 1} ({rows[n].Code}) failed, nothing was imported: {e.Reason.En}"));
                    return 1;
                }
            }

            await tx.CommitAsync(ct);
            await parse.Out().WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"已导入 / imported: 新增 added {added}, 修改 updated {updated}"));
            return 0;
        });
        return command;
    }
}
