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

    public static RootCommand Build()
    {
        var root = new RootCommand("百强 Baiqiang — 县域经济监测、项目调度与区域评价 / county economy monitoring, project dispatch and regional ranking")
        {
            DbOption,
            InitCommand.Create(),
            RegionsCommand.Create(),
            ImportCommand.Create(),
            ExportCommand.Create(),
            SeriesCommand.Create(),
            ParseCommand.Create(),
            SampleCommand.Create(),
            WeightsCommand.Create(), RankCommand.Create(), FrameworkCommand.Create(),
            Pipeline.PipelineCommand.Create(),
            Services.ServiceCommand.Create(),
            ExtractCommand.Create(),
            ReviewCommand.Create(),
            ProjectsCommand.Create(),
            BriefingCommand.Create(),
            Targets.TargetsCommand.Create(),
            Settings.SettingsCommand.Create(),
        };
        return root;
    }

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var config = new InvocationConfiguration { Output = output, Error = error };
        return await Build().Parse(args).InvokeAsync(config, cancellationToken);
    }
}
