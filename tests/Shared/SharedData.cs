namespace Baiqiang.Storage.Tests.Support;

/// <summary>Finds the read-only reference data (<c>shared/data</c>) by walking up from the test binaries.</summary>
internal static class SharedData
{
    private static readonly Lazy<string> Root = new(Find);

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root.Value, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared", "data");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("shared/data not found above " + AppContext.BaseDirectory);
    }
}
