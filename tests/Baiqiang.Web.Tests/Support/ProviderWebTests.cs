namespace Baiqiang.Web.Tests.Support;

/// <summary>
/// A web suite run once per provider: the SQLite subclass is always <see cref="Available"/>; the PostgreSQL one only with
/// BAIQIANG_TEST_PG (skipped without it, failed under CI=true). <see cref="StartAsync"/> makes an analyst and a 江阳区 editor.
/// </summary>
public abstract class ProviderWebTests<TFactory>(TFactory factory)
    where TFactory : WebFactory
{
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected TFactory Factory => factory;

    /// <summary>False (and the test skipped) when the provider is not available here.</summary>
    protected abstract bool Available { get; }

    /// <summary>Skips without the provider; otherwise makes the suite's analyst and county editor (510502).</summary>
    protected async Task StartAsync(string analyst, string editor)
    {
        if (!Available)
        {
            const string reason = "PostgreSQL web tests need BAIQIANG_TEST_PG";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail("CI=true but " + reason);
            }

            Assert.Skip(reason);
        }

        await factory.EnsureUserAsync(analyst, "analyst");
        await factory.EnsureUserAsync(editor, "editor", 510502);
    }
}
