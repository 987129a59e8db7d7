using Baiqiang.Cli;

// The `baiqiang` command: every subcommand lives in its own feature folder and is assembled in BaiqiangCommand.
return await BaiqiangCommand.RunAsync(args, Console.Out, Console.Error);
