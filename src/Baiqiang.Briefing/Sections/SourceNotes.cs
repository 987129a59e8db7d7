using Baiqiang.Briefing.Model;
using Baiqiang.Core.Periods;
using Baiqiang.Storage.Sample;

namespace Baiqiang.Briefing.Sections;

/// <summary>
/// The briefing's 附：数据来源 note: one line per document, by title and date, listing what was taken from it with
/// periods in words (地区生产总值 2023年上半年), instead of internal ids and canonical periods. Module tables and targets
/// are named as such; a reference the store knows no title for is printed as stored.
/// </summary>
public static class SourceNotes
{
    public static IReadOnlyList<string> Build(BriefingContext context, IReadOnlyList<SourceRef> sources)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(sources);
        var en = context.English;
        return
        [
            .. sources.GroupBy(s => Document(s.Reference, en), StringComparer.Ordinal)
                .Select(g => g.Key + (en ? ": " : "：") + string.Join(en ? "; " : "、",
                    g.Select(s => context.NameOf(s.Subject) + " " + Period(s.Period, en)).Distinct(StringComparer.Ordinal))),
        ];
    }

    /// <summary>《title》（date）, a module's table, a target, or the file and row an import came from.</summary>
    public static string Document(string reference, bool english)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (SampleDocuments.Find(reference) is { } d)
        {
            return english ? $"“{d.TitleZh}” ({d.DateEn})" : $"《{d.TitleZh}》（{d.DateZh}）";
        }

        return reference switch
        {
            "pipeline" => english ? "investment-promotion pipeline" : "招商引资台账",
            "projects" or "project-ledger" => english ? "key-project ledger" : "重点项目台账",
            _ when reference.StartsWith("target:", StringComparison.Ordinal) => english ? "target " + reference["target:".Length..] : "目标 " + reference["target:".Length..],
            _ when reference.LastIndexOf('#') is var h and > 0 && int.TryParse(reference.AsSpan(h + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var row)
                => english ? $"{reference[..h]}, row {row}" : $"{reference[..h]} 第{row}行",
            _ => reference,
        };
    }

    private static string Period(string canonical, bool english) =>
        StatPeriod.TryParseCanonical(canonical) is { Success: true } p ? Text.PeriodFull(p.Value, english) : canonical;
}
