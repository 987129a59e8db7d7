using System.CommandLine;
using Baiqiang.Storage.Export;

namespace Baiqiang.Cli.Output;

/// <summary><c>--lang zh|en</c> of every export: Chinese headers and sheet names by default, English (the names scripts read) on request.</summary>
internal static class ExportLanguageOption
{
    public static Option<string> Create()
    {
        var option = new Option<string>("--lang")
        {
            Description = "导出表头语言:zh(中文,默认)或 en / header language of the export: zh (default) or en",
            DefaultValueFactory = _ => "zh",
        };
        option.AcceptOnlyFromAmong("zh", "en");
        return option;
    }

    public static ExportLanguage Value(ParseResult parse, Option<string> option)
        => parse.GetValue(option) == "en" ? ExportLanguage.English : ExportLanguage.Chinese;
}
