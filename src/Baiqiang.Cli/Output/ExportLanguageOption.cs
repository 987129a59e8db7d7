using System.CommandLine;
using Baiqiang.Storage.Export;

namespace Baiqiang.Cli.Output;

/// <summary>
/// <c>--lang zh|en</c>: the root command's, on every command (Chinese by default), and a command's own (exports,
/// briefings, the catalogue export), which overrides it when given.
/// </summary>
internal static class ExportLanguageOption
{
    /// <summary>The root command's <c>--lang</c>, recursive so it may follow any subcommand.</summary>
    public static Option<string> Global()
    {
        var option = new Option<string>("--lang")
        {
            Description = "输出语言:zh(中文,默认)或 en / output language: zh (Chinese, default) or en",
            DefaultValueFactory = _ => "zh",
            Recursive = true,
        };
        option.AcceptOnlyFromAmong("zh", "en");
        return option;
    }

    /// <summary>A command's own <c>--lang</c>: no default of its own, so an absent one falls back to the root's.</summary>
    public static Option<string?> Create(string? description = null)
    {
        var option = new Option<string?>("--lang")
        {
            Description = description ?? "导出表头语言:zh(中文,默认)或 en / header language of the export: zh (default) or en",
        };
        option.AcceptOnlyFromAmong("zh", "en");
        return option;
    }

    /// <summary>True when the command's own <c>--lang</c> says en, or it is absent and the root's says en.</summary>
    public static bool IsEnglish(ParseResult parse, Option<string?>? local = null) =>
        (local is not null ? parse.GetValue(local) : null) is { } own ? own == "en" : parse.GetValue(BaiqiangCommand.LangOption) == "en";

    public static ExportLanguage Value(ParseResult parse, Option<string?> option)
        => IsEnglish(parse, option) ? ExportLanguage.English : ExportLanguage.Chinese;
}
