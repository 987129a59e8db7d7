using System.Diagnostics;
using System.Text;

namespace Baiqiang.Extraction.Tests;

/// <summary>
/// The extractor fuzzer of issue 20: pathological generators (long digit runs before a unit, run-on sentences, endless lists,
/// nested brackets, repeated markers, random CJK) never throw and never hang, and time grows linearly: 4 MB of each takes at
/// most 6× the time of 1 MB (the one timing assertion the issue asks for; a quadratic scanner gives 16×).
/// </summary>
[Collection(TimedAlone.Name)]
public sealed class ExtractorFuzzTests
{
    private const int OneMb = 1 << 20;

    /// <summary>Each generator makes about <c>size</c> characters of one pathological shape.</summary>
    public static TheoryData<string> Generators => [.. Pathological.Keys];

    internal static readonly Dictionary<string, Func<int, string>> Pathological = new(StringComparer.Ordinal)
    {
        ["digits-then-unit"] = n => new string('9', n - 2) + "亿元",
        ["no-punctuation"] = n => Repeat("全县规上工业增加值增长8亿元企业", n),
        ["endless-list"] = n => Repeat("电力、", n) + "业增加值增长5%",
        ["open-brackets"] = n => Repeat("(上半年", n),
        ["numbers-and-percents"] = n => Repeat("12.5%3.4个百分点", n),
        ["respectively"] = n => "甲、乙分别增长" + Repeat("1%、", n),
        ["related-markers"] = n => Repeat("相关阅读\n全县地区生产总值增长6%。\n", n),
        ["periods"] = n => Repeat("2023年1-6月当月上年同期", n),
        ["region-names"] = n => Repeat("江阳区通州区安义县", n),
        ["chinese-numerals"] = n => Repeat("一二三四五六七八九十百千万亿", n) + "元",
    };

    internal static string Repeat(string unit, int size)
    {
        var sb = new StringBuilder(size + unit.Length);
        while (sb.Length < size)
        {
            sb.Append(unit);
        }

        return sb.ToString();
    }

    [Theory]
    [MemberData(nameof(Generators))]
    public void Extract_PathologicalInput_TimeAtFourMegabytesWithinSixTimesOneMegabyte(string generator)
    {
        var extractor = new FactExtractor(Regions.SampleOnly);
        var small = Pathological[generator](OneMb);
        var large = Pathological[generator](4 * OneMb);
        _ = extractor.Extract("warm.txt", small[..Math.Min(small.Length, 50_000)], new DateOnly(2023, 7, 31));
        // The best time of each size over up to five rounds, stopping as soon as the ratio holds: a one-off pause (a
        // full GC, another test assembly on the same cores) inflates one sample, while quadratic work inflates them all.
        // Three rounds let `no-punctuation` (one sentence the size of the input, a fact per 17 characters, so a live set
        // that grows with the input) read 6.3–6.4 twice in full runs beside the browser tests, while the stage harness
        // gives it 3.0× the process CPU from 1 to 4 MB.
        var t1 = TimeSpan.MaxValue;
        var t4 = TimeSpan.MaxValue;
        var ratio = double.MaxValue;
        for (var round = 0; round < 5 && ratio > 6; round++)
        {
            var a = Time(() => extractor.Extract("1mb.txt", small, new DateOnly(2023, 7, 31)));
            var b = Time(() => extractor.Extract("4mb.txt", large, new DateOnly(2023, 7, 31)));
            t1 = a < t1 ? a : t1;
            t4 = b < t4 ? b : t4;
            // A floor of 50 ms for the small run keeps timer noise on tiny inputs from failing the ratio.
            ratio = t4.TotalMilliseconds / Math.Max(50, t1.TotalMilliseconds);
        }

        Assert.True(ratio <= 6, $"{generator}: 1 MB {t1.TotalMilliseconds:F0} ms, 4 MB {t4.TotalMilliseconds:F0} ms, ratio {ratio:F1} > 6");
    }

    /// <summary>
    /// The best of two runs in process CPU time, not wall time: the collection runs alone in this process, so the process's
    /// CPU is the extractor's work (its garbage collection included), while wall time also counts the minutes another test
    /// assembly or build held both cores — which slowed a 4 MB run more than a 1 MB one in loaded CI runs (ratio 6.1).
    /// </summary>
    private static TimeSpan Time(Action action)
    {
        var best = TimeSpan.MaxValue;
        using var process = Process.GetCurrentProcess();
        for (var i = 0; i < 2; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            process.Refresh();
            var before = process.TotalProcessorTime;
            action();
            process.Refresh();
            var spent = process.TotalProcessorTime - before;
            best = spent < best ? spent : best;
        }

        return best;
    }
}

/// <summary>
/// The fuzzer's inputs that are not timed (a million nines, a 5 MB line, mutated shapes): a class of their own, so xUnit runs
/// them in parallel with the timed ratio theory instead of after it in the same collection.
/// </summary>
public sealed class ExtractorFuzzInputTests
{
    [Fact]
    public void Extract_AMillionNinesBeforeYi_IsNotAFigureAndFinishes()
    {
        var result = new FactExtractor(Regions.SampleOnly).Extract("nines.txt", new string('9', 1_000_000) + "亿元", new DateOnly(2023, 7, 31));
        Assert.Empty(result.Facts);
    }

    [Fact]
    public void Extract_FiveMegabyteLineWithoutPunctuation_Finishes()
    {
        var text = ExtractorFuzzTests.Repeat("全县规上工业增加值增长8亿元企业", 5 << 20);
        var result = new FactExtractor(Regions.SampleOnly).Extract("line.txt", text, new DateOnly(2023, 7, 31));
        Assert.NotEmpty(result.Facts);
    }

    [Fact]
    public void Extract_RandomAndMutatedPathologicalInput_NeverThrows()
    {
        var random = new Random(2026_12_06);
        var extractor = new FactExtractor(Regions.SampleOnly);
        var shapes = ExtractorFuzzTests.Pathological.Values.ToList();
        for (var n = 0; n < 600; n++)
        {
            var chars = shapes[random.Next(shapes.Count)](random.Next(1, 3000)).ToCharArray();
            for (var k = random.Next(0, 30); k > 0; k--)
            {
                chars[random.Next(chars.Length)] = random.Next(4) switch
                {
                    0 => (char)random.Next(0x20, 0x7F),
                    1 => (char)random.Next(0x4E00, 0x9FFF),
                    2 => "。,;、()%亿万元个百分点增长下降分别占比较高于低于"[random.Next(27)],
                    _ => (char)random.Next(0xD800, 0xE000), // lone surrogates
                };
            }

            var result = extractor.Extract("fuzz.txt", new string(chars), random.Next(2) == 0 ? null : new DateOnly(2023, 7, 31));
            Assert.All(result.Facts, f => Assert.InRange(f.Offset, 0, result.Text.Plain.Length));
        }
    }
}

/// <summary>
/// The ratio test times 1 MB against 4 MB; with the untimed fuzz inputs (a 5 MB line, a million nines) or the corpus
/// scorer running beside it on two cores, the 4 MB run was slowed more than the 1 MB one (ratio 7.5–8.1 in full runs,
/// 4–5 alone). xUnit runs a collection that disables parallelisation after all others, by itself.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimedAlone
{
    public const string Name = "timed alone";
}
