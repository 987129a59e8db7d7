namespace Baiqiang.Testing;

/// <summary>
/// Finds the read-only reference folder <c>shared/</c> (data tables and seed reports) by walking up from the running
/// binaries: CI clones the repo with <c>shared/</c> beside it. One copy, linked into every test project and bench/.
/// </summary>
internal static class SharedData
{
    private static readonly Lazy<string?> SharedRoot = new(Find);

    /// <summary>A path under <c>shared/data</c>; throws when the folder is not beside the checkout.</summary>
    public static string Path(params string[] parts)
        => System.IO.Path.Combine([Folder("data") ?? throw new DirectoryNotFoundException("shared/data not found above " + AppContext.BaseDirectory), .. parts]);

    /// <summary><c>shared/NAME</c> (e.g. "seeds"), or null when it is not there.</summary>
    public static string? Folder(string name)
    {
        var folder = SharedRoot.Value is { } root ? System.IO.Path.Combine(root, name) : null;
        return folder is not null && Directory.Exists(folder) ? folder : null;
    }

    private static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(System.IO.Path.Combine(candidate, "data")))
            {
                return candidate;
            }
        }

        return null;
    }
}
