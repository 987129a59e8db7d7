using System.Globalization;
using BenchmarkDotNet.Running;
using Baiqiang.Benchmarks;

// `gen N FILE` writes a synthetic long-form CSV of N observations over the real county-level codes;
// `pymcdm-export DIR` writes the evaluation matrix and Baiqiang's results for bench/pymcdm-side-by-side.sh;
// anything else runs BenchmarkDotNet (pass --filter '*' to run all).
if (args.Length == 3 && args[0] == "gen")
{
    var n = int.Parse(args[1], CultureInfo.InvariantCulture);
    BenchData.WriteObservationCsv(args[2], n);
    Console.WriteLine($"wrote {n} rows to {args[2]}");
    return 0;
}

if (args.Length == 3 && args[0] == "phases")
{
    await ImportPhases.RunAsync(args[1], args[2]);
    return 0;
}

if (args.Length == 2 && args[0] == "pymcdm-export")
{
    await PymcdmExport.RunAsync(args[1], CancellationToken.None);
    return 0;
}

if (args.Length == 3 && args[0] == "pymcdm-loop")
{
    // `pymcdm-loop WHAT N`: one PymcdmSideBySideBenchmarks step N times in a loop (callgrind instruction counts, CPU time).
    PymcdmLoop.Run(args[1], int.Parse(args[2], CultureInfo.InvariantCulture));
    return 0;
}

if (args.Length == 3 && args[0] == "projects-into")
{
    // `projects-into DB N`: N generated key projects × 12 approved monthly reports into an existing store (web-bench.sh).
    await ProjectBenchData.InsertAsync(args[1], int.Parse(args[2], CultureInfo.InvariantCulture), 12);
    Console.WriteLine($"added {args[2]} projects to {args[1]}");
    return 0;
}

if (args.Length == 2 && args[0] == "bulletin-cpu")
{
    await BulletinCpu.RunAsync(int.Parse(args[1], CultureInfo.InvariantCulture));
    return 0;
}

if (args.Length == 1 && args[0] == "ledger-phases")
{
    await LedgerPhases.RunAsync();
    return 0;
}

if (args.Length == 2 && args[0] == "form-phases")
{
    await FormPhases.RunAsync(int.Parse(args[1], CultureInfo.InvariantCulture));
    return 0;
}

if (args.Length == 4 && args[0] == "extract-facts")
{
    // `extract-facts REPO SHARED OUT`: every fact of the corpus, held-out documents and seeds (bench/extract-diff.sh compares two builds).
    ExtractionCheck.WriteFacts(args[1], args[2], args[3]);
    return 0;
}

if (args.Length == 4 && args[0] == "extract-run")
{
    // `extract-run REPO MB ROUNDS`: the corpus concatenated to MB megabytes, extracted ROUNDS times (callgrind, /usr/bin/time).
    ExtractionCheck.Run(args[1], int.Parse(args[2], CultureInfo.InvariantCulture), int.Parse(args[3], CultureInfo.InvariantCulture));
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(BenchData).Assembly).Run(args);
return 0;
