using Baiqiang.Storage.Export;

namespace Baiqiang.Storage.Lists;

/// <summary>Export headers and sheet names of the list files (deals, enterprises, visits, requests, cash-outs) in either
/// language: Chinese (the columns' Chinese names, 计划投资(万元)) by default, or the English keys (planned_investment(万元))
/// as before. The list reader accepts both.</summary>
public static class ListHeaders
{
    public static IReadOnlyList<string> For(IReadOnlyList<ListColumn> columns, ExportLanguage language)
    {
        ArgumentNullException.ThrowIfNull(columns);
        return [.. columns.Select(c => (language == ExportLanguage.English ? c.Key : c.Zh) + (c.IsMoney ? "(万元)" : string.Empty))];
    }

    /// <summary>The sheet name of list <paramref name="list"/> (deals, enterprises, visits, requests, cashouts).</summary>
    public static string SheetName(string list, ExportLanguage language) => language == ExportLanguage.English ? list : list switch
    {
        "deals" => "招商项目",
        "enterprises" => "企业名录",
        "visits" => "走访记录",
        "requests" => "企业诉求",
        "cashouts" => "政策兑现",
        _ => list,
    };
}
