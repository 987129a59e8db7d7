using Baiqiang.Cli;

// The `baiqiang` command: every subcommand lives in its own feature folder and is assembled in BaiqiangCommand.
var code = await BaiqiangCommand.RunAsync(args, Console.Out, Console.Error);
if (StartupReport.Enabled)
{
    StartupReport.Write(Console.Error);
}

return code;
