namespace Baiqiang.Core.Tests.Text;

/// <summary>Finds the shared seed reports (<c>shared/seeds</c>) by walking up from the test's base directory.</summary>
internal static class SeedFiles
{
    public static string? Directory { get; } = SharedData.Folder("seeds");

    /// <summary>The text of a seed file, or skips the test when the seeds are not checked out beside the repo.</summary>
    public static string Read(string fileName)
    {
        Assert.SkipWhen(Directory is null, "shared/seeds not found above the test directory");
        return File.ReadAllText(Path.Combine(Directory!, fileName));
    }
}
