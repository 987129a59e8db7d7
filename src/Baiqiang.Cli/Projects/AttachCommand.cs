using System.CommandLine;
using System.Globalization;
using Baiqiang.Cli.Store;
using Baiqiang.Core.Access;
using Baiqiang.Core.Projects;
using Baiqiang.Storage.Projects;

namespace Baiqiang.Cli.Projects;

/// <summary>
/// <c>baiqiang projects attach CODE --period YYYY-MM FILE…</c>: site photos, PDFs and Office files for a project's monthly
/// report (or, with <c>--problem</c>, for one of its problems). All files are stored or none.
/// </summary>
internal static class AttachCommand
{
    public static Command Create()
    {
        var code = new Argument<string>("CODE") { Description = "项目编号 / project code" };
        var files = new Argument<string[]>("FILE") { Description = "附件(JPEG、PNG、PDF、docx、xlsx、pptx;每个≤20MB) / files (JPEG, PNG, PDF, docx, xlsx, pptx; ≤ 20 MB each)", Arity = ArgumentArity.OneOrMore };
        var period = new Option<string>("--period") { Description = "月报月份 YYYY-MM / the report month, YYYY-MM", Required = true };
        var problem = new Option<string?>("--problem") { Description = "附于该问题(问题编号) / attach to this problem (its id)" };
        var command = new Command("attach", "上传月报或问题的附件(现场照片、PDF、Office 文件) / attach site photos, PDFs or Office files to a monthly report or a problem")
        {
            code, period, problem, files,
        };
        command.SetAction(async (parse, ct) =>
        {
            var month = ProjectAttachmentStore.ParsePeriod(parse.GetRequiredValue(period));
            if (!month.Success)
            {
                await parse.Err().WriteLineAsync(month.Error.ToString());
                return 2;
            }

            var list = new List<AttachmentFile>();
            foreach (var path in parse.GetRequiredValue(files))
            {
                var info = new FileInfo(path);
                if (!info.Exists)
                {
                    await parse.Err().WriteLineAsync($"找不到文件{path} / no file {path}");
                    return 2;
                }

                try
                {
                    // Refused before it is read whole.
                    Attachments.CheckSize(info.Name, info.Length);
                }
                catch (ProjectRuleException ex)
                {
                    await parse.Err().WriteLineAsync(ex.Reason.ToString());
                    return 1;
                }

                list.Add(new AttachmentFile(info.Name, await File.ReadAllBytesAsync(path, ct)));
            }

            await using var db = await StoreAccess.OpenAsync(parse, ct);
            try
            {
                var added = await ProjectAttachmentStore.AttachAsync(
                    db, parse.GetRequiredValue(code), month.Value, parse.GetValue(problem), list, Actor.LocalAdmin(Environment.UserName), ct);
                foreach (var a in added)
                {
                    await parse.Out().WriteLineAsync(Describe(a));
                }

                await parse.Out().WriteLineAsync($"已上传{added.Count}个附件 / attached {added.Count} file(s)");
                return 0;
            }
            catch (ProjectRuleException ex)
            {
                await parse.Err().WriteLineAsync(ex.Reason.ToString());
                return 1;
            }
        });
        return command;
    }

    /// <summary>One line per attachment: id, name, type, size, and the EXIF time and place when present.</summary>
    internal static string Describe(AttachmentInfo a)
    {
        var parts = new List<string>
        {
            $"#{a.Id.ToString(CultureInfo.InvariantCulture)}",
            a.FileName,
            a.Type.ToString(),
            $"{(a.Size / 1024m).ToString("0.#", CultureInfo.InvariantCulture)} KB",
            a.Period,
        };
        if (a.TakenAt is { } t)
        {
            parts.Add($"拍摄 taken {t.ToOffset(Photos.ChinaOffset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}");
        }

        if (a.Latitude is { } lat && a.Longitude is { } lon)
        {
            parts.Add($"GPS {lat.ToString(CultureInfo.InvariantCulture)},{lon.ToString(CultureInfo.InvariantCulture)}");
        }

        return string.Join("  ", parts);
    }
}
