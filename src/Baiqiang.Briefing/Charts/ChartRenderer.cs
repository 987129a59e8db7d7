using Baiqiang.Briefing.Model;
using ScottPlot;

namespace Baiqiang.Briefing.Charts;

/// <summary>
/// Draws briefing charts server-side as PNG with ScottPlot (SkiaSharp), using an installed CJK font so Chinese labels print.
/// </summary>
/// <remarks>The font is found once: the family SkiaSharp/fontconfig picks for Chinese text (Noto Sans CJK SC with
/// fonts-noto-cjk installed); when none is installed the default font is used and Chinese shows as boxes, but nothing fails.</remarks>
public sealed class ChartRenderer(int width = 900, int height = 420)
{
    private static readonly Lazy<string> CjkFont = new(FindCjkFont);

    /// <summary>The font family charts use.</summary>
    public static string FontFamily => CjkFont.Value;

    public FigureBlock GrowthBars(string title, IReadOnlyList<(string Label, decimal Growth)> items, string yLabel)
    {
        var plot = NewPlot(title, yLabel);
        var bars = items.Select((item, i) => new Bar
        {
            Position = i,
            Value = (double)item.Growth,
            Label = Sections.Text.Num(item.Growth),
            FillColor = item.Growth >= 0 ? Colors.FireBrick : Colors.SteelBlue,
        }).ToList();
        var bp = plot.Add.Bars(bars);
        bp.ValueLabelStyle.FontName = FontFamily;
        bp.ValueLabelStyle.FontSize = 14;
        plot.Axes.Bottom.SetTicks([.. items.Select((_, i) => (double)i)], [.. items.Select(i => Wrap(i.Label))]);
        plot.Axes.Margins(bottom: 0, top: 0.15);
        return Render(plot, title);
    }

    public FigureBlock Trend(string title, IReadOnlyList<(string Label, decimal Value)> points, string yLabel)
    {
        var plot = NewPlot(title, yLabel);
        var xs = points.Select((_, i) => (double)i).ToArray();
        var sp = plot.Add.Scatter(xs, [.. points.Select(p => (double)p.Value)]);
        sp.LineWidth = 3;
        sp.MarkerSize = 9;
        sp.Color = Colors.FireBrick;
        plot.Axes.Bottom.SetTicks(xs, [.. points.Select(p => p.Label)]);
        return Render(plot, title);
    }

    public FigureBlock PlanCompletion(string title, IReadOnlyList<(string Label, decimal Progress, decimal Elapsed)> items, string progressLegend, string elapsedLegend)
    {
        var plot = NewPlot(title, "%");
        var bars = new List<Bar>();
        for (var i = 0; i < items.Count; i++)
        {
            bars.Add(new Bar { Position = (i * 3) + 0.5, Value = (double)items[i].Progress, Label = Sections.Text.Pct(items[i].Progress), FillColor = Colors.FireBrick });
            bars.Add(new Bar { Position = (i * 3) + 1.5, Value = (double)items[i].Elapsed, Label = Sections.Text.Pct(items[i].Elapsed), FillColor = Colors.Gray });
        }

        var bp = plot.Add.Bars(bars);
        bp.ValueLabelStyle.FontName = FontFamily;
        plot.Axes.Bottom.SetTicks([.. items.Select((_, i) => (i * 3) + 1.0)], [.. items.Select(i => Wrap(i.Label))]);
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = progressLegend, FillColor = Colors.FireBrick });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = elapsedLegend, FillColor = Colors.Gray });
        plot.Legend.FontName = FontFamily;
        plot.ShowLegend(Alignment.UpperRight);
        plot.Axes.Margins(bottom: 0, top: 0.15);
        return Render(plot, title);
    }

    private static Plot NewPlot(string title, string yLabel)
    {
        var plot = new Plot();
        plot.Title(title);
        plot.YLabel(yLabel);
        plot.Font.Set(FontFamily);
        plot.Axes.Title.Label.FontSize = 20;
        plot.Axes.Bottom.TickLabelStyle.FontSize = 13;
        return plot;
    }

    private FigureBlock Render(Plot plot, string caption)
    {
        var png = plot.GetImageBytes(width, height, ImageFormat.Png);
        return new FigureBlock(caption, png, width, height);
    }

    /// <summary>Long Chinese names break onto two lines under a bar.</summary>
    private static string Wrap(string label) => label.Length > 6 && !label.Contains(' ', StringComparison.Ordinal) ? label[..(label.Length / 2)] + "\n" + label[(label.Length / 2)..] : label;

    /// <summary>Known locations of a CJK font file (fonts-noto-cjk, WenQuanYi, Windows, macOS), tried in order.</summary>
    private static readonly string[] CjkFontFiles =
    [
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
        "C:\\Windows\\Fonts\\msyh.ttc",
        "/System/Library/Fonts/PingFang.ttc",
    ];

    private static string FindCjkFont()
    {
        const string name = "Baiqiang CJK";
        try
        {
            var file = Environment.GetEnvironmentVariable("BAIQIANG_CJK_FONT") is { Length: > 0 } env && File.Exists(env) ? env : CjkFontFiles.FirstOrDefault(File.Exists);
            if (file is not null)
            {
                Fonts.AddFontFile(name, file);
                return name;
            }

            var detected = Fonts.Detect("经济运行简报");
            return string.IsNullOrEmpty(detected) ? Fonts.Default : detected;
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or InvalidOperationException or IOException)
        {
            return Fonts.Default; // no CJK font: labels print as boxes, the briefing still renders
        }
    }
}
