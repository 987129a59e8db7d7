using System.Diagnostics;

namespace Baiqiang.Briefing.Rendering;

/// <summary>
/// Prints a briefing to PDF by rendering its HTML with headless Chromium (<c>--print-to-pdf</c>). Chromium is found from
/// BAIQIANG_CHROMIUM, then /usr/bin/chromium, chromium-browser, google-chrome; <see cref="FindChromium"/> returns null when
/// none is installed and <see cref="RenderAsync"/> then throws <see cref="InvalidOperationException"/> saying so.
/// </summary>
public static class PdfRenderer
{
    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];

    public static string? FindChromium()
    {
        var env = Environment.GetEnvironmentVariable("BAIQIANG_CHROMIUM");
        if (!string.IsNullOrWhiteSpace(env) && File.Exists(env))
        {
            return env;
        }

        return Candidates.FirstOrDefault(File.Exists);
    }

    /// <summary>Writes <paramref name="html"/> as PDF to <paramref name="pdfPath"/>.</summary>
    public static async Task RenderAsync(string html, string pdfPath, CancellationToken ct)
    {
        var chromium = FindChromium() ?? throw new InvalidOperationException(
            "未找到 Chromium,无法生成 PDF(请安装 chromium 或设置 BAIQIANG_CHROMIUM;也可输出 .docx/.html) / Chromium not found: install chromium or set BAIQIANG_CHROMIUM (or write .docx/.html)");
        var work = Directory.CreateTempSubdirectory("baiqiang-pdf-");
        try
        {
            var htmlPath = Path.Combine(work.FullName, "briefing.html");
            await File.WriteAllTextAsync(htmlPath, html, ct);
            var output = Path.GetFullPath(pdfPath);
            var psi = new ProcessStartInfo(chromium)
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--no-pdf-header-footer",
                "--user-data-dir=" + Path.Combine(work.FullName, "profile"), "--print-to-pdf=" + output, new Uri(htmlPath).AbsoluteUri,
            })
            {
                psi.ArgumentList.Add(arg);
            }

            using var process = Process.Start(psi) ?? throw new InvalidOperationException($"无法启动 {chromium} / cannot start {chromium}");
            var stderr = process.StandardError.ReadToEndAsync(ct);
            _ = process.StandardOutput.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            if (process.ExitCode != 0 || !File.Exists(output))
            {
                throw new InvalidOperationException($"Chromium 生成 PDF 失败(退出码 {process.ExitCode}) / Chromium failed to print PDF (exit {process.ExitCode}): {await stderr}");
            }
        }
        finally
        {
            try
            {
                work.Delete(recursive: true);
            }
            catch (IOException)
            {
                // Chromium may still hold its profile briefly; the temp folder is cleaned by the OS.
            }
        }
    }
}
