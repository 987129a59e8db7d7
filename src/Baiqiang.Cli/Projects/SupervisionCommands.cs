using System.CommandLine;
using System.Globalization;
using Baiqiang.Cli.Store;
using Baiqiang.Core.Access;
using Baiqiang.Core.Projects;
using Baiqiang.Storage.Projects;

namespace Baiqiang.Cli.Projects;

/// <summary>
/// <c>baiqiang projects escalate PROBLEM --level 督办|挂牌督办|约谈 --reason TEXT</c> and
/// <c>baiqiang projects supervision-sheet PROBLEM --out F.docx</c>: 督办 of a problem and its 督办单.
/// </summary>
internal static class SupervisionCommands
{
    public static Command Escalate()
    {
        var problem = new Argument<string>("PROBLEM") { Description = "问题编号 / problem id" };
        var level = new Option<string>("--level") { Description = "督办 | 挂牌督办 | 约谈", Required = true };
        var reason = new Option<string>("--reason") { Description = "升级理由 / why", Required = true };
        var due = new Option<string?>("--due") { Description = "督办期限(默认:督办15天、挂牌督办10天、约谈7天) / due date (default 15, 10, 7 days)" };
        var today = CliAsOf.Option("督办日期", "the escalation day");
        var command = new Command("escalate", "问题升级督办(交办→督办→挂牌督办→约谈) / escalate a problem's supervision") { problem, level, reason, due, today };
        command.SetAction(async (parse, ct) =>
        {
            var lv = ProblemSupervision.ParseLevel(parse.GetRequiredValue(level));
            if (!lv.Success)
            {
                await parse.Err().WriteLineAsync(lv.Error.ToString());
                return 2;
            }

            DateOnly? dueOn = null;
            if (parse.GetValue(due) is { } dueText)
            {
                if (!ProjectSheet.TryParseDate(dueText, out var d))
                {
                    await parse.Err().WriteLineAsync($"日期“{dueText}”无法识别，应写作 2023-07-31 / cannot read date '{dueText}'; write it like 2023-07-31");
                    return 2;
                }

                dueOn = d;
            }

            await using var db = await StoreAccess.OpenAsync(parse, ct);
            if (await CliAsOf.ResolveAsync(parse, db, today, ct) is not { } asOf)
            {
                return 2;
            }

            try
            {
                var key = parse.GetRequiredValue(problem);
                var step = await SupervisionStore.EscalateAsync(db, key, lv.Value, asOf.Day, parse.GetRequiredValue(reason), Actor.LocalAdmin(Environment.UserName), ct, dueOn);
                await parse.Out().WriteLineAsync(
                    $"{key}: {ProblemSupervision.Name(step.Level)}，期限 {step.DueOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} / {ProblemSupervision.EnName(step.Level)}, due {step.DueOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
                return 0;
            }
            catch (ProjectRuleException ex)
            {
                await parse.Err().WriteLineAsync(ex.Message);
                return 1;
            }
        });
        return command;
    }

    public static Command Sheet()
    {
        var problem = new Argument<string>("PROBLEM") { Description = "问题编号 / problem id" };
        var output = new Option<string>("--out") { Description = "输出 .docx 文件 / output .docx file", Required = true };
        var office = new Option<string>("--office") { Description = "督办单位(默认“县发展和改革局”) / the issuing office", DefaultValueFactory = _ => "县发展和改革局" };
        var today = CliAsOf.Option("督办单日期", "the sheet's date");
        var command = new Command("supervision-sheet", "生成问题的督办单(.docx) / write a problem's supervision sheet (.docx)") { problem, output, office, today };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetRequiredValue(output);
            if (!string.Equals(Path.GetExtension(path), ".docx", StringComparison.OrdinalIgnoreCase))
            {
                await parse.Err().WriteLineAsync($"输出文件须为 .docx:“{path}” / output must be .docx: '{path}'");
                return 2;
            }

            await using var db = await StoreAccess.OpenAsync(parse, ct);
            if (await CliAsOf.ResolveAsync(parse, db, today, ct) is not { } asOf)
            {
                return 2;
            }

            var key = parse.GetRequiredValue(problem);
            if (await SupervisionStore.FindAsync(db, key, ct) is not { } view)
            {
                await parse.Err().WriteLineAsync($"找不到问题{key} / no problem {key}");
                return 1;
            }

            await using (var stream = File.Create(path))
            {
                SupervisionSheet.Write(view, parse.GetRequiredValue(office), asOf.Day, stream);
            }

            await parse.Out().WriteLineAsync($"已生成{ProblemSupervision.Name(view.Supervision.Level)}单 {path} / wrote the supervision sheet to {path}");
            return 0;
        });
        return command;
    }
}
