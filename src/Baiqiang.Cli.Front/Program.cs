using System.CommandLine;
using System.CommandLine.Invocation;
using Baiqiang.Cli;
using Baiqiang.Cli.Evaluation;
using Baiqiang.Cli.Front;

// The installed `baiqiang`: runs `rank --input`, `weights` and `--version` here (Native AOT, shared code in
// Baiqiang.Cli.Matrix), and hands every other command line — other commands, --help, parse errors — to the managed CLI.
var rank = new RankMatrix();
var rankCommand = new Command(RankMatrix.Name, RankMatrix.Description);
foreach (var o in rank.Options)
{
    rankCommand.Options.Add(o);
}

rankCommand.SetAction((parse, ct) => rank.RunAsync(parse, parse.GetValue(rank.Input)!, ct));
var weights = WeightsCommand.Create();
var root = new RootCommand(RankMatrix.Description) { rankCommand, weights };
var version = root.Options.OfType<VersionOption>().Single();
var parse = root.Parse(args);

bool here = parse.Errors.Count == 0 && parse.Action is { } action
    && (action == version.Action
        || (parse.CommandResult.Command == weights && action == weights.Action)
        || (parse.CommandResult.Command == rankCommand && action == rankCommand.Action && parse.GetValue(rank.Input) is not null));
if (!here)
{
    return ManagedCli.Exec(args);
}

// Standard output is held until the command has finished, so that an unexpected failure can still hand the whole
// command line to the managed CLI, which prints exactly what it always printed.
using var output = new StringWriter();
var config = new InvocationConfiguration { Output = output, Error = Console.Error, EnableDefaultExceptionHandler = false };
int code;
try
{
    code = await parse.InvokeAsync(config);
}
catch (Exception e) when (e is not OperationCanceledException)
{
    return ManagedCli.Exec(args);
}

var bytes = Console.OutputEncoding.GetBytes(output.ToString());
using (var stdout = Console.OpenStandardOutput())
{
    stdout.Write(bytes);
}

if (StartupReport.Enabled)
{
    StartupReport.Write(Console.Error);
}

return code;
