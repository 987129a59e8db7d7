using System.Globalization;
using System.Text;

namespace Baiqiang.Web.Shared;

/// <summary>
/// The first-run administrator block: printed once, last, after Kestrel listens (so it is not buried in start-up
/// output), framed, with the addresses to open. The password is written to the console only, never to a log.
/// </summary>
/// <remarks>
/// The console logger writes from a queue on its own thread, so the host's status lines ("Now listening on",
/// "Application started", "Content root path") could reach the console after a block printed directly. While a block
/// is pending those lines (category <see cref="LifetimeCategory"/>, Information) are not logged: the block gives the
/// addresses itself. Warnings and errors of that category still are.
/// </remarks>
public sealed class StartupBanner
{
    /// <summary>The host's status messages' logging category.</summary>
    public const string LifetimeCategory = "Microsoft.Hosting.Lifetime";

    private const int Width = 72;

    private volatile bool _pending;

    /// <summary>True from <see cref="PrintWhenStarted"/> until the block has been printed.</summary>
    public bool Pending
    {
        get => _pending;
        internal set => _pending = value;
    }

    /// <summary>The logging filter of <see cref="LifetimeCategory"/>: Information and above, Warning and above while a block is pending.</summary>
    public bool ShowsLifetimeMessage(LogLevel level) => level >= (_pending ? LogLevel.Warning : LogLevel.Information);

    /// <summary>The framed block for <paramref name="password"/> and the addresses the server listens on.</summary>
    public static string Format(string password, IEnumerable<string> urls)
    {
        var lines = new List<string> { "百强 Baiqiang 已启动 / is running" };
        lines.AddRange(urls.Select(u => "打开 open: " + u.Replace("://[::]", "://localhost", StringComparison.Ordinal).Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)));
        lines.Add(string.Empty);
        lines.Add("首次运行：管理员账号 admin");
        lines.Add("first run: administrator 'admin'");
        lines.Add("密码 password: " + password);
        lines.Add("仅显示这一次，请登录后在“用户管理”中修改 / shown once: change it after signing in");
        lines.Add("忘记密码 lost it: baiqiang users reset-password admin");
        var rule = new string('=', Width);
        var text = new StringBuilder();
        text.AppendLine().AppendLine(rule);
        foreach (var line in lines)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {line}").AppendLine();
        }

        return text.AppendLine(rule).ToString();
    }

    /// <summary>Prints the block once the server has started listening, after everything else start-up prints.</summary>
    public void PrintWhenStarted(WebApplication app, string password)
    {
        _pending = true;
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            Console.Out.Write(Format(password, app.Urls));
            Console.Out.Flush();
            _pending = false;
        });
    }
}
