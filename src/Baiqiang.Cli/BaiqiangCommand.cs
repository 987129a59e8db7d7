using System.CommandLine;
using Baiqiang.Cli.Evaluation;
using Baiqiang.Cli.Extraction;
using Baiqiang.Cli.Briefing;
using Baiqiang.Cli.Observations;
using Baiqiang.Cli.Parsing;
using Baiqiang.Cli.Projects;
using Baiqiang.Cli.Regions;
using Baiqiang.Cli.Sample;
using Baiqiang.Cli.Store;

namespace Baiqiang.Cli;

/// <summary>Builds the command tree and runs it with the given output writers (tests pass StringWriters).</summary>
public static class BaiqiangCommand
{
    /// <summary><c>--db</c>: a SQLite file path or a PostgreSQL connection string; falls back to BAIQIANG_DB, then the user's data folder.</summary>
    internal static readonly Option<string?> DbOption = new("--db")
    {
        Description = "数据库:SQLite 文件路径或 PostgreSQL 连接串(默认读取 BAIQIANG_DB,否则用户数据目录) / store: a SQLite file path or a PostgreSQL connection string (default: BAIQIANG_DB, else the user's data folder)",
        Recursive = true,
    };

    /// <summary><c>--lock-timeout SECONDS</c>: how long a write waits for another writer before giving up (default 60).</summary>
    internal static readonly Option<int> LockTimeoutOption = new("--lock-timeout")
    {
        Description = "写入时等待其他导入完成的最长秒数(默认60) / seconds a write waits for another import to finish (default 60)",
        Recursive = true,
        DefaultValueFactory = _ => 60,
    };

    /// <summary>
    /// <c>--lang zh|en</c> on every command: Chinese by default (export headers and sheet names, briefings, region kinds);
    /// <c>en</c> for English. A command's own <c>--lang</c>, where it has one, overrides it (<see cref="Output.ExportLanguageOption.IsEnglish"/>).
    /// </summary>
    internal static readonly Option<string> LangOption = Output.ExportLanguageOption.Global();

    /// <summary>The exit code of a write refused because another writer held the store (busy) or changed the same rows first.</summary>
    public const int BusyExitCode = 3;

    public static RootCommand Build()
    {
        var root = new RootCommand("百强 Baiqiang — 县域经济监测、项目调度与区域评价 / county economy monitoring, project dispatch and regional ranking")
        {
            DbOption,
            LockTimeoutOption,
            LangOption,
            InitCommand.Create(),
            RegionsCommand.Create(),
            ImportCommand.Create(),
            ExportCommand.Create(),
            SeriesCommand.Create(),
            ParseCommand.Create(),
            SampleCommand.Create(),
            Units.UnitsCommand.Create(),
            WeightsCommand.Create(), RankCommand.Create(), FrameworkCommand.Create(),
            Pipeline.PipelineCommand.Create(),
            Services.ServiceCommand.Create(),
            ExtractCommand.Create(),
            ReviewCommand.Create(),
            ProjectsCommand.Create(),
            BriefingCommand.Create(),
            Targets.TargetsCommand.Create(),
            Indicators.IndicatorsCommand.Create(),
            Settings.SettingsCommand.Create(),
            Reminders.RemindersCommand.Create(),
            Users.UsersCommand.Create(),
        };
        return root;
    }

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        // Exceptions are handled here rather than by System.CommandLine, so a store held by another writer is a message.
        var config = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        try
        {
            return await Build().Parse(args).InvokeAsync(config, cancellationToken);
        }
        catch (Exception e) when (Storage.StoreBusyException.From(e) is { } busy)
        {
            // Another writer, not the input: say so in both languages, without a stack trace.
            await error.WriteLineAsync($"{busy.Reason.Zh} / {busy.Reason.En}");
            return BusyExitCode;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // What System.CommandLine's default handler prints.
            await error.WriteLineAsync("Unhandled exception: " + e);
            return 1;
        }
    }
}
