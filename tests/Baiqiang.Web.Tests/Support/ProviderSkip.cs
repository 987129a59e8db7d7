namespace Baiqiang.Web.Tests.Support;

/// <summary>Skips a PostgreSQL web test when BAIQIANG_TEST_PG is not set, and fails it instead under CI=true.</summary>
public static class ProviderSkip
{
    public static void UnlessAvailable(bool available)
    {
        if (available)
        {
            return;
        }

        const string reason = "PostgreSQL web tests need BAIQIANG_TEST_PG";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail("CI=true but " + reason);
        }

        Assert.Skip(reason);
    }
}
