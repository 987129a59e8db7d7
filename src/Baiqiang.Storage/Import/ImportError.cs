using System.Globalization;
using Baiqiang.Core.Text;

namespace Baiqiang.Storage.Import;

/// <summary>What kind of problem an <see cref="ImportError"/> is, so callers decide by kind and never by message text.</summary>
public enum ImportErrorKind
{
    /// <summary>The file or a cell is wrong (format, value, rule): the uploader can fix the file. A 400/422 in the web app.</summary>
    Content = 0,

    /// <summary>The row is outside what the actor may do (region or department scope, or a role such as reviewer): a refusal of
    /// rights, not of content. A 403 in the web app.</summary>
    OutOfScope = 1,

    /// <summary>A figure that strays too far from its region's last comparable figure (<see cref="LastFigureCheck"/>): the one
    /// kind of refusal an override (<c>import --force --reason</c>) may pass, audited with the user and the reason.</summary>
    Implausible = 2,
}

/// <summary>One problem found in an import file.</summary>
/// <param name="File">The file name as given (no directory).</param>
/// <param name="Row">1-based row in the file as a spreadsheet numbers it (the header is row 1), or null for a whole-file problem.</param>
/// <param name="Column">The column's header text as written in the file (or its letter when the header is blank), or null.</param>
/// <param name="Message">What is wrong, in Chinese and English.</param>
/// <param name="Kind">Content (the default) or a refusal of rights (<see cref="ImportErrorKind.OutOfScope"/>).</param>
public sealed record ImportError(string File, int? Row, string? Column, Bilingual Message, ImportErrorKind Kind = ImportErrorKind.Content)
{
    /// <summary>“gdp.csv 第5行 “增长”列: 中文 / gdp.csv row 5, column '增长': English”.</summary>
    public override string ToString()
    {
        var zh = new System.Text.StringBuilder(File);
        var en = new System.Text.StringBuilder(File);
        if (Row is { } row)
        {
            zh.Append(CultureInfo.InvariantCulture, $" 第{row}行");
            en.Append(CultureInfo.InvariantCulture, $" row {row}");
        }

        if (Column is { } column)
        {
            zh.Append(CultureInfo.InvariantCulture, $" “{column}”列");
            en.Append(Row is null ? " " : ", ").Append(CultureInfo.InvariantCulture, $"column '{column}'");
        }

        return string.Create(CultureInfo.InvariantCulture, $"{zh}: {Message.Zh} / {en}: {Message.En}");
    }
}
