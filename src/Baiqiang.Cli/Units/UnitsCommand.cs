using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Baiqiang.Cli.Store;
using Baiqiang.Core.Access;
using Baiqiang.Core.Quantities;
using Baiqiang.Storage.Units;

namespace Baiqiang.Cli.Units;

/// <summary><c>baiqiang units list|add</c>: the store's unit table (计量单位), which imports convert with.</summary>
internal static class UnitsCommand
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create() => new("units", "计量单位表:列出、添加 / the unit table: list, add")
    {
        List(), Add(),
    };

    private static Command List()
    {
        var dimension = new Option<string?>("--dimension") { Description = "只列出该量纲(money、area、energy、count …) / only this dimension" };
        var format = new Option<string>("--format") { Description = "输出格式 table|csv|json / output format", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv", "json");
        var command = new Command("list", "列出计量单位 / list the units") { dimension, format };
        command.SetAction(async (parse, ct) =>
        {
            Dimension? only = null;
            if (parse.GetValue(dimension) is { } d)
            {
                var pd = UnitTable.ParseDimension(d);
                if (!pd.Success)
                {
                    await parse.Err().WriteLineAsync(pd.Error.ToString());
                    return 2;
                }

                only = pd.Value;
            }

            await using var db = await StoreAccess.OpenAsync(parse, ct);
            var units = (await UnitStore.LoadTableAsync(db, ct)).All.Where(u => only is null || u.Unit.Dimension == only).ToList();
            var o = parse.Out();
            switch (parse.GetValue(format))
            {
                case "json":
                    await o.WriteLineAsync(JsonSerializer.Serialize(
                        units.Select(u => new
                        {
                            code = u.Code,
                            symbol = u.Unit.Symbol,
                            nameEn = u.Unit.EnglishName,
                            dimension = UnitTable.DimensionText(u.Unit.Dimension),
                            factor = UnitTable.FactorText(u.Unit.Factor),
                            countNoun = u.Unit.CountNoun,
                            aliases = u.Aliases,
                        }),
                        Json));
                    break;
                case "csv":
                    var sb = new StringBuilder("code,symbol,name_en,dimension,factor,count_noun,aliases\n");
                    foreach (var u in units)
                    {
                        sb.AppendJoin(',', [u.Code, u.Unit.Symbol, Csv(u.Unit.EnglishName), UnitTable.DimensionText(u.Unit.Dimension),
                            UnitTable.FactorText(u.Unit.Factor), u.Unit.CountNoun ?? string.Empty, Csv(string.Join('|', u.Aliases))]).Append('\n');
                    }

                    await o.WriteAsync(sb.ToString());
                    break;
                default:
                    var table = new TextTable("代码 code", "单位 unit", "英文 English", "量纲 dimension", "换算系数 factor", "别名 aliases");
                    foreach (var u in units)
                    {
                        table.Add(u.Code, u.Unit.Symbol, u.Unit.EnglishName,
                            $"{UnitTable.DimensionZh(u.Unit.Dimension)} {UnitTable.DimensionText(u.Unit.Dimension)}{(u.Unit.CountNoun is { } n && n != u.Unit.Symbol ? $"({n})" : string.Empty)}",
                            UnitTable.FactorText(u.Unit.Factor), string.Join("、", u.Aliases));
                    }

                    table.WriteTo(o);
                    break;
            }

            return 0;
        });
        return command;
    }

    private static string Csv(string text) => text.AsSpan().IndexOfAny(",\"\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;

    private static Command Add()
    {
        var symbol = new Argument<string>("UNIT") { Description = "单位的中文名称,如 万亩、吨标准煤 / the unit's Chinese symbol" };
        var code = new Option<string>("--code") { Description = "代码(小写字母、数字、下划线),如 wan_mu / code", Required = true };
        var dimension = new Option<string>("--dimension") { Description = "量纲 money|count|percent|area|mass|energy|length|volume …", Required = true };
        var factor = new Option<string>("--factor") { Description = "折合该量纲基本单位的精确系数(元、平方米、吨、千瓦时、个…),如 万亩 = 6666666.6666666666666666666667 / exact factor to the base unit", Required = true };
        var nameEn = new Option<string?>("--name-en") { Description = "英文名称 / English name" };
        var countNoun = new Option<string?>("--count-noun") { Description = "计数单位所计的量词,如 万辆 → 辆 / for counts, the noun counted" };
        var aliases = new Option<string?>("--aliases") { Description = "别名,以 | 分隔 / aliases joined by |" };
        var command = new Command("add", "添加计量单位(同一量纲内精确换算) / add a unit (converts exactly within its dimension)") { symbol, code, dimension, factor, nameEn, countNoun, aliases };
        command.SetAction(async (parse, ct) =>
        {
            var pd = UnitTable.ParseDimension(parse.GetRequiredValue(dimension));
            if (!pd.Success)
            {
                await parse.Err().WriteLineAsync(pd.Error.ToString());
                return 2;
            }

            var factorText = parse.GetRequiredValue(factor);
            if (!decimal.TryParse(factorText, NumberStyles.Number, CultureInfo.InvariantCulture, out var f) || f <= 0)
            {
                await parse.Err().WriteLineAsync($"换算系数“{factorText}”应为正的十进制数 / factor '{factorText}' should be a positive decimal number");
                return 2;
            }

            var name = parse.GetRequiredValue(symbol).Trim();
            if (name.Length == 0)
            {
                await parse.Err().WriteLineAsync("单位名称为空 / the unit's name is empty");
                return 2;
            }

            var unit = Unit.Define(name, pd.Value, f, parse.GetValue(countNoun), parse.GetValue(nameEn));
            var definition = new UnitDefinition(parse.GetRequiredValue(code), unit,
                parse.GetValue(aliases)?.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? []);
            try
            {
                await using var db = await StoreAccess.OpenAsync(parse, ct);
                await UnitStore.AddAsync(db, definition, ct, Actor.LocalAdmin(Environment.UserName));
                await parse.Out().WriteLineAsync(
                    $"已添加 / added {definition.Code} {unit.Symbol}: 1{unit.Symbol} = {UnitTable.FactorText(unit.Factor)} × {UnitTable.DimensionText(unit.Dimension)} base unit");
                return 0;
            }
            catch (UnitException e)
            {
                await parse.Err().WriteLineAsync(e.Message);
                return 1;
            }
        });
        return command;
    }
}
