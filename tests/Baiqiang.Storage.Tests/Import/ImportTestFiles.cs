using System.Text;
using Baiqiang.Storage.Import;
using MiniExcelLibs;

namespace Baiqiang.Storage.Tests.Import;

/// <summary>Builds import inputs in memory or in a temporary folder; nothing binary is committed.</summary>
internal static class ImportTestFiles
{
    public static Task<ImportResult> ReadTextAsync(string fileName, string content, ImportOptions? options = null, Encoding? encoding = null)
        => ReadBytesAsync(fileName, (encoding ?? new UTF8Encoding(false)).GetBytes(content), options);

    public static async Task<ImportResult> ReadBytesAsync(string fileName, byte[] bytes, ImportOptions? options = null)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        return await new ObservationFileReader().ReadAsync(stream, fileName, TestLookups.Create(), options ?? ImportOptions.Default, TestContext.Current.CancellationToken);
    }

    /// <summary>An XLSX whose first sheet holds exactly <paramref name="rows"/> (no header row is added); null cells stay empty.</summary>
    public static byte[] Xlsx(params object?[][] rows)
    {
        var width = rows.Max(r => r.Length);
        var sheet = rows.Select(r =>
        {
            var d = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < width; i++)
            {
                d["c" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)] = i < r.Length ? r[i] : null;
            }

            return d;
        }).ToList();
        using var ms = new MemoryStream();
        MiniExcel.SaveAs(ms, sheet, printHeader: false, excelType: ExcelType.XLSX);
        return ms.ToArray();
    }

    public static string Csv(params string[] lines) => string.Join("\n", lines) + "\n";
}

/// <summary>A temporary folder deleted on dispose.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "baiqiang-import-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // best effort
        }
    }
}
