using System.Text;

namespace Baiqiang.Extraction.Tests;

/// <summary>Random and mutated inputs: no exception escapes and every run ends. (Linearity is measured in bench/, not asserted here.)</summary>
public sealed class RobustnessTests
{
    private const string Alphabet = "0123456789.,%-—~至到亿万元家个百分点增长下降同比上半年今年1至6月全区通州区地区生产总值占比拉动倍翻一番位居第前列、,。;:()<>&\n 十百千二三余多近超约以上左右其中力争確保增長億";

    [Fact]
    public void Extract_ThreeThousandRandomInputs_NeverThrows()
    {
        var random = new Random(20261123);
        var extractor = new FactExtractor(Regions.SampleOnly);
        for (var n = 0; n < 3000; n++)
        {
            var sb = new StringBuilder();
            var length = random.Next(0, 200);
            for (var i = 0; i < length; i++)
            {
                sb.Append(random.Next(10) == 0 ? (char)random.Next(0x20, 0xFFFF) : Alphabet[random.Next(Alphabet.Length)]);
            }

            var text = sb.ToString();
            var result = extractor.Extract("fuzz.txt", text, random.Next(2) == 0 ? null : new DateOnly(2023, 7, 31));
            Assert.All(result.Facts, f => Assert.InRange(f.Offset, 0, Math.Max(0, result.Text.Plain.Length)));
        }
    }

    [Fact]
    public void Extract_MutatedSeeds_NeverThrow()
    {
        var random = new Random(7);
        var extractor = new FactExtractor(Regions.National);
        foreach (var name in Seeds.Names)
        {
            var seed = Seeds.Text(name);
            for (var n = 0; n < 200; n++)
            {
                var chars = seed.ToCharArray();
                for (var k = 0; k < 20; k++)
                {
                    var at = random.Next(chars.Length);
                    chars[at] = random.Next(3) switch
                    {
                        0 => Alphabet[random.Next(Alphabet.Length)],
                        1 => chars[random.Next(chars.Length)],
                        _ => (char)random.Next(0x20, 0xD7FF),
                    };
                }

                var cut = random.Next(chars.Length);
                _ = extractor.Extract(name, new string(chars, 0, cut));
            }
        }
    }

    [Theory]
    [InlineData("2224年")]
    [InlineData("1800年")]
    public void Extract_WholeYearWithAnInferredYearOutsideStatisticalPeriods_GivesNoPeriodInsteadOfThrowing(string year)
    {
        // A mutated page once read 2024年 as 2224年: the inferred reference year is outside 1949–2200, and 全年 must not build a period of it.
        var text = $"{year}全县规上工业增加值增长6.1%。全年完成固定资产投资12.5亿元。";

        var result = new FactExtractor(Regions.National).Extract("year.txt", text);

        var investment = Assert.Single(result.Facts, f => f.Amount?.Value == 12.5m);
        Assert.Null(investment.Period);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("1,")]
    [InlineData("增长")]
    [InlineData("企业、")]
    [InlineData("1.2.3.4")]
    [InlineData("2023年")]
    [InlineData("亿元")]
    public void Extract_AdversarialRepetitions_Finish(string unit)
    {
        var text = string.Concat(Enumerable.Repeat(unit, 100_000));
        var result = new FactExtractor(Regions.SampleOnly).Extract("adversarial.txt", text, new DateOnly(2023, 7, 31));
        Assert.NotNull(result);
    }
}
