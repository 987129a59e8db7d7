using System.CommandLine;
using System.Globalization;
using Baiqiang.Cli.Store;
using Baiqiang.Core.Access;
using Baiqiang.Core.Evaluation;
using Baiqiang.Storage.Evaluation;

namespace Baiqiang.Cli.Evaluation;

/// <summary><c>baiqiang framework save FILE | list | export NAME --out FILE</c>: versioned evaluation frameworks.</summary>
internal static class FrameworkCommand
{
    public static Command Create()
        => new("framework", "评价指标体系(版本化保存,JSON/XLSX 导入导出)/ evaluation frameworks (versioned; JSON/XLSX import and export)")
        {
            Save(), List(), Export(),
        };

    private static Command Save()
    {
        var file = new Argument<string>("FILE") { Description = "指标体系 .json 或 .xlsx / framework file" };
        var command = new Command("save", "保存为新版本 / store as a new version") { file };
        command.SetAction(async (parse, ct) =>
        {
            try
            {
                var fw = await FrameworkStore.ReadFileAsync(parse.GetRequiredValue(file), ct);
                await using var db = await StoreAccess.OpenAsync(parse, ct);
                var row = await FrameworkStore.SaveAsync(db, fw, Actor.LocalAdmin(Environment.UserName), TimeProvider.System, ct);
                await parse.Out().WriteLineAsync($"已保存 / saved: {row.Name} v{row.Version.ToString(CultureInfo.InvariantCulture)}");
                return 0;
            }
            catch (EvaluationException e)
            {
                await parse.Err().WriteLineAsync(e.Message);
                return 1;
            }
        });
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", "列出已保存的指标体系 / list stored frameworks");
        command.SetAction(async (parse, ct) =>
        {
            await using var db = await StoreAccess.OpenAsync(parse, ct);
            await parse.Out().WriteLineAsync("name,version,created_by,created_at");
            foreach (var r in await FrameworkStore.ListAsync(db, ct))
            {
                await parse.Out().WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{r.Name},{r.Version},{r.CreatedBy},{r.CreatedAt:yyyy-MM-ddTHH:mm:ssZ}"));
            }

            return 0;
        });
        return command;
    }

    private static Command Export()
    {
        var name = new Argument<string>("NAME") { Description = "已保存的名称,或内置 top100-illustration / stored name, or the built-in top100-illustration" };
        var output = new Option<string>("--out") { Description = "输出 .json 或 .xlsx / output file", Required = true };
        var version = new Option<int?>("--version") { Description = "版本(默认最新)/ version (default latest)" };
        var command = new Command("export", "导出指标体系 / export a framework") { name, output, version };
        command.SetAction(async (parse, ct) =>
        {
            var n = parse.GetRequiredValue(name);
            await using var db = await StoreAccess.OpenAsync(parse, ct);
            var fw = await FrameworkStore.LoadAsync(db, n, parse.GetValue(version), ct)
                ?? (n == EvaluationFramework.Top100Illustration.Name ? EvaluationFramework.Top100Illustration : null);
            if (fw is null)
            {
                await parse.Err().WriteLineAsync($"找不到指标体系“{n}” / no framework named '{n}'");
                return 1;
            }

            await FrameworkStore.WriteFileAsync(fw, parse.GetRequiredValue(output), ct);
            await parse.Out().WriteLineAsync($"已导出 / exported: {parse.GetRequiredValue(output)}");
            return 0;
        });
        return command;
    }
}
