using Baiqiang.Storage.Import;

namespace Baiqiang.Storage.Tests.Import;

internal static class ImportAssert
{
    /// <summary>The import failed as a whole (no records) and its errors include one at <paramref name="row"/> / <paramref name="column"/>
    /// whose Chinese text has Chinese in it and whose English text has <paramref name="en"/>.</summary>
    public static ImportError HasError(ImportResult result, int? row, string? column, string zh, string en)
    {
        Assert.False(result.Success);
        Assert.Empty(result.Records);
        var error = Assert.Single(result.Errors, e => e.Row == row && e.Column == column && e.Message.Zh.Contains(zh, StringComparison.Ordinal));
        Assert.Contains(en, error.Message.En, StringComparison.OrdinalIgnoreCase);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", error.Message.Zh);
        Assert.Matches("[A-Za-z]{3,}", error.Message.En);
        return error;
    }

    public static void Ok(ImportResult result)
    {
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Errors));
        Assert.Empty(result.Errors);
    }
}
