using System.Text;
using Baiqiang.Storage.Import;

namespace Baiqiang.Storage.Tests.Import;

/// <summary>The column limit counts the delimiters of each record outside quotes, whatever pieces the text is read in.</summary>
public sealed class ColumnLimitReaderTests
{
    /// <summary>Reads all of <paramref name="text"/> through the limit in pieces of <paramref name="piece"/> characters;
    /// the record named by the refusal, or null when the text passes.</summary>
    private static int? RefusedRecord(string text, int piece)
    {
        using var reader = new ColumnLimitReader(new StringReader(text), ',');
        var buffer = new char[piece];
        var copy = new StringBuilder();
        try
        {
            int n;
            while ((n = reader.Read(buffer, 0, piece)) > 0)
            {
                copy.Append(buffer, 0, n);
            }
        }
        catch (CsvTooManyColumnsException e)
        {
            return e.Row;
        }

        Assert.Equal(text, copy.ToString());
        return null;
    }

    private static string Cells(int count) => string.Join(',', Enumerable.Repeat("x", count));

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4096)]
    public void Read_RecordOfExactlyTheLimit_Passes_OneMore_RefusedNamingItsRecord(int piece)
    {
        var limit = Cells(ColumnLimitReader.MaxColumns);
        var over = Cells(ColumnLimitReader.MaxColumns + 1);

        Assert.Null(RefusedRecord($"a,b\r\n{limit}\r\n{limit}\n", piece));
        Assert.Equal(3, RefusedRecord($"a,b\r\n{limit}\r\n{over}\n", piece));
        Assert.Equal(4, RefusedRecord($"a,b\r\r\n{limit}\n{over}", piece));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(4096)]
    public void Read_DelimitersInsideQuotesAndLineEndsInsideQuotes_NotCounted(int piece)
    {
        var quoted = "\"" + new string(',', ColumnLimitReader.MaxColumns * 2) + "\r\n\"\"" + new string(',', 100) + "\"";
        var half = Cells((ColumnLimitReader.MaxColumns / 2) - 1);

        // The quoted cell's commas and line break count for nothing; the record's own cells on either side add up.
        Assert.Null(RefusedRecord($"h\n{half},{quoted},{half}\n", piece));
        Assert.Equal(2, RefusedRecord($"h\n{half},{quoted},{half},{half}\n", piece));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4096)]
    public void Read_ManyShortRecords_CountsEachRecordFromZero(int piece)
    {
        var rows = string.Concat(Enumerable.Repeat("110101,gdp,2023-01..06,880.5,亿元,7.8\r\n", 5_000));

        Assert.Null(RefusedRecord(rows, piece));
    }
}
