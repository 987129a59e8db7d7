using System.CommandLine;
using System.Globalization;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Quantities;
using Baiqiang.Cli.Store;

namespace Baiqiang.Cli.Parsing;

/// <summary><c>baiqiang parse period|amount TEXT</c>: show how Baiqiang reads a phrase, in canonical form.</summary>
internal static class ParseCommand
{
    public static Command Create()
    {
        var command = new Command("parse", "显示文本的规范形式 / print the canonical form of a phrase")
        {
            Period(),
            AmountCommand(),
        };
        return command;
    }

    private static Command Period()
    {
        var text = new Argument<string>("TEXT") { Description = "期别文本,如 今年1至6月 / period text, e.g. 今年1至6月" };
        var date = new Option<string?>("--date") { Description = "参照日期 YYYY-MM-DD(解析“今年”等相对说法) / reference date for relative forms" };
        var command = new Command("period", "解析统计期别 / parse a statistical period") { text, date };
        command.SetAction(parse =>
        {
            DateOnly? reference = null;
            if (parse.GetValue(date) is { } d)
            {
                if (!DateOnly.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var r))
                {
                    parse.Err().WriteLine($"日期“{d}”应为 YYYY-MM-DD / date '{d}' must be YYYY-MM-DD");
                    return 2;
                }

                reference = r;
            }

            var result = ChinesePeriodParser.TryParse(parse.GetRequiredValue(text), reference);
            if (!result.Success)
            {
                parse.Err().WriteLine(result.Error.ToString());
                return 1;
            }

            parse.Out().WriteLine(result.Value.ToString());
            return 0;
        });
        return command;
    }

    private static Command AmountCommand()
    {
        var text = new Argument<string>("TEXT") { Description = "数量文本,如 1.47万余家 / amount text, e.g. 1.47万余家" };
        var command = new Command("amount", "解析数量 / parse an amount") { text };
        command.SetAction(parse =>
        {
            var input = parse.GetRequiredValue(text);
            var range = AmountText.TryParseRange(input);
            if (range.Success)
            {
                parse.Out().WriteLine($"{Canonical(range.Value.Low)} .. {Canonical(range.Value.High)}");
                return 0;
            }

            var result = AmountText.TryParse(input);
            if (!result.Success)
            {
                parse.Err().WriteLine(result.Error.ToString());
                return 1;
            }

            parse.Out().WriteLine(Canonical(result.Value));
            return 0;
        });
        return command;
    }

    /// <summary>"1.47 万家 [余/more] = 14700 家": value and unit as written, the qualifier, and the value in base units.</summary>
    internal static string Canonical(Amount amount)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{amount.Value.Invariant()} {amount.Unit.Symbol}").TrimEnd();
        if (amount.Qualifier != Qualifier.Exact)
        {
            text += $" [{QualifierText.Zh(amount.Qualifier)}/{QualifierText.En(amount.Qualifier)}]";
        }

        if (amount.Unit.Factor != 1m && amount.Unit.Dimension is Dimension.Count)
        {
            var baseUnit = Unit.TryFind(amount.Unit.CountNoun ?? string.Empty, out var u) ? u.Symbol : amount.Unit.CountNoun;
            text += string.Create(CultureInfo.InvariantCulture, $" = {amount.BaseValue.Invariant()} {baseUnit}");
        }
        else if (amount.Unit.Dimension == Dimension.Money && amount.Unit.Factor != 1m)
        {
            text += string.Create(CultureInfo.InvariantCulture, $" = {amount.BaseValue.Invariant()} 元");
        }

        return text;
    }
}
