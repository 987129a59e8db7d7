using Baiqiang.Web.Shared;
using Baiqiang.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Baiqiang.Web.Tests;

/// <summary>Start-up that speaks to a person: EF Core and ASP.NET log at Warning in Production (from the shipped
/// appsettings.json), and the first-run administrator block is framed with the address to open.</summary>
public sealed class StartupTests(WebFactory factory) : IClassFixture<WebFactory>
{
    [Theory]
    [InlineData("Microsoft.EntityFrameworkCore.Database.Command")]
    [InlineData("Microsoft.AspNetCore.Hosting.Diagnostics")]
    [InlineData("Microsoft.AspNetCore.Routing.EndpointMiddleware")]
    public void Logging_FrameworkCategoriesInProduction_WarningAndAboveOnly(string category)
    {
        var logger = factory.Services.GetRequiredService<ILoggerFactory>().CreateLogger(category);

        Assert.False(logger.IsEnabled(LogLevel.Information), category + " logs at Information");
        Assert.True(logger.IsEnabled(LogLevel.Warning), category + " hides warnings");
    }

    [Fact]
    public void Logging_AppsettingsJson_IsInThePublishedOutput()
    {
        // The web project's appsettings.json is content, copied next to the app (and into `dotnet publish` output).
        var file = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        Assert.True(File.Exists(file), "appsettings.json is not copied to the output");
        Assert.Contains("\"Microsoft.EntityFrameworkCore\": \"Warning\"", File.ReadAllText(file), StringComparison.Ordinal);
    }

    [Fact]
    public void Logging_FirstRunBannerPending_HostStatusLinesHeldBackSoTheBlockIsLast()
    {
        var banner = factory.Services.GetRequiredService<StartupBanner>();
        var lifetime = factory.Services.GetRequiredService<ILoggerFactory>().CreateLogger(StartupBanner.LifetimeCategory);
        Assert.False(banner.Pending); // this factory configures the admin password: no block
        Assert.True(lifetime.IsEnabled(LogLevel.Information), "status lines hidden without a block");

        // The filter the app registers reads the banner's state at each message.
        Assert.False(new StartupBanner().ShowsLifetimeMessage(LogLevel.Debug));
        banner.Pending = true;
        try
        {
            Assert.False(lifetime.IsEnabled(LogLevel.Information), "'Now listening on'/'Application started' would follow the block");
            Assert.True(lifetime.IsEnabled(LogLevel.Warning));
        }
        finally
        {
            banner.Pending = false;
        }
    }

    [Fact]
    public void Banner_PasswordAndAddresses_FramedWithTheUrlToOpen()
    {
        var text = StartupBanner.Format("Pa55-word-a7!", ["http://[::]:5000", "https://0.0.0.0:5001"]);

        var lines = text.Split(Environment.NewLine);
        var rules = lines.Select((l, i) => (l, i)).Where(x => x.l.Length > 20 && x.l.All(c => c == '=')).Select(x => x.i).ToList();
        Assert.Equal(2, rules.Count);
        var inside = string.Join('\n', lines[(rules[0] + 1)..rules[1]]);
        Assert.Contains("http://localhost:5000", inside, StringComparison.Ordinal);
        Assert.Contains("https://localhost:5001", inside, StringComparison.Ordinal);
        Assert.Contains("管理员账号 admin", inside, StringComparison.Ordinal);
        Assert.Contains("密码 password: Pa55-word-a7!", inside, StringComparison.Ordinal);
        Assert.Contains("baiqiang users reset-password admin", inside, StringComparison.Ordinal);
        Assert.Equal(string.Empty, lines[^1]); // nothing printed after the frame but the line end
    }
}
