using System.Globalization;
using Baiqiang.Core.Access;
using Baiqiang.Core.Projects;
using Baiqiang.Core.Regions;
using Baiqiang.Core.Text;
using Baiqiang.Storage;
using Baiqiang.Web.Auth;
using Baiqiang.Web.Shared;
using Baiqiang.Web.Shared.Inputs;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Baiqiang.Web.Projects;

/// <summary>
/// 月报填报: a region's projects for one month as a grid (本月完成, optional 累计 — computed from last month's approved
/// cumulative when blank —, 形象进度, 存在问题). Save fills, submit fills and submits; either stores every line or none.
/// Upload takes a filled CSV/XLSX form (validate, then commit); download gives the blank or pre-filled form.
/// </summary>
public sealed class FormModel(BaiqiangDbContext db, TimeProvider clock, Lang lang) : PageModel
{
    [BindProperty(SupportsGet = true)]
    [RegionInput]
    public string? Region { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Month { get; set; }

    /// <summary>The as-of day (<c>today=2023-06-30</c>) the default month is taken on; blank: the store's as-of day, else the clock's.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Today { get; set; }

    [BindProperty]
    public List<LineInput> Lines { get; set; } = [];

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public FormResponse? Form { get; private set; }

    public FormImportReport? ImportReport { get; private set; }

    public List<string> Errors { get; } = [];

    public string? Message { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public Task OnPostSaveAsync(CancellationToken ct) => WriteAsync(submit: false, ct);

    public Task OnPostSubmitAsync(CancellationToken ct) => WriteAsync(submit: true, ct);

    public async Task OnPostUploadAsync(bool commit, CancellationToken ct)
    {
        if (Upload is null)
        {
            Errors.Add(lang["请选择要上传的文件", "choose a file to upload"]);
        }
        else
        {
            var actor = User.ToActor();
            if (commit && !actor.IsAdmin && !actor.Roles.HasFlag(Role.Editor))
            {
                Errors.Add(lang["只有填报员可以导入月报", "only editors may import a monthly form"]);
            }
            else
            {
                var (report, outOfScope) = await ProjectsApi.ImportFormCoreAsync(db, actor, Upload, commit, Month, ct);
                ImportReport = report;
                if (commit && outOfScope)
                {
                    Errors.Add(lang["文件中有无权填报的项目，未导入任何数据", "the file has projects you may not report for; nothing was imported"]);
                }
                else if (report.Committed)
                {
                    Message = lang[$"已导入并提交审核：新增 {report.Added} 份，更新 {report.Updated} 份", $"Imported and submitted for review: {report.Added} added, {report.Updated} updated"];
                }
            }
        }

        await LoadAsync(ct);
    }

    private async Task WriteAsync(bool submit, CancellationToken ct)
    {
        var (region, month) = await ScopeAsync(ct);
        if (region is not { } r || month is not { } m)
        {
            return;
        }

        var actor = User.ToActor();
        var steps = new List<(string Code, Func<Task<Bilingual?>> Step)>();
        foreach (var line in Lines.Where(l => !string.IsNullOrWhiteSpace(l.Code)))
        {
            if (string.IsNullOrWhiteSpace(line.ThisMonth))
            {
                continue;
            }

            if (!TryMoney(line.ThisMonth, out var thisMonth) || thisMonth < 0)
            {
                Errors.Add(lang[$"{line.Code}：本月完成“{line.ThisMonth}”应为不小于0的数字（万元）", $"{line.Code}: this month '{line.ThisMonth}' must be a number ≥ 0 (10k yuan)"]);
                continue;
            }

            decimal? cumulative = null;
            if (!string.IsNullOrWhiteSpace(line.Cumulative))
            {
                if (!TryMoney(line.Cumulative, out var c))
                {
                    Errors.Add(lang[$"{line.Code}：累计“{line.Cumulative}”应为数字（万元）", $"{line.Code}: cumulative '{line.Cumulative}' must be a number (10k yuan)"]);
                    continue;
                }

                cumulative = c;
            }

            var problems = (line.Problems ?? string.Empty).Split(['\n', '；', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var code = (line.Code ?? string.Empty).Trim();
            steps.Add((code, () => ProjectViews.FillAsync(db, actor, code, m, new FillReportRequest(thisMonth, cumulative, line.Progress, problems), ct)));
        }

        if (Errors.Count > 0)
        {
            await LoadAsync(ct);
            return;
        }

        if (submit)
        {
            var filled = steps.Select(s => s.Code).ToHashSet(StringComparer.Ordinal);
            var current = await ProjectViews.FormAsync(db, actor, r, m, ct);
            var toSubmit = current.Lines.Where(l => l.Editable && (filled.Contains(l.Code) || l.State is nameof(ReportState.Draft) or nameof(ReportState.Returned)))
                .Select(l => l.Code).ToList();
            steps.AddRange(toSubmit.Select(code => (code, (Func<Task<Bilingual?>>)(() => ProjectViews.SubmitAsync(db, actor, code, m, ct)))));
        }

        if (steps.Count == 0)
        {
            Errors.Add(lang["没有填写任何数字", "nothing was filled in"]);
            await LoadAsync(ct);
            return;
        }

        try
        {
            var refusal = await ProjectViews.AllOrNothingAsync(db, steps.Select(s => s.Step), (i, b) => new Bilingual($"{steps[i].Code}：{b.Zh}", $"{steps[i].Code}: {b.En}"), ct);
            if (refusal is { } x)
            {
                Errors.Add(lang[x]);
                Errors.Add(lang["未保存任何数据", "nothing was saved"]);
            }
            else
            {
                var n = steps.Select(s => s.Code).Distinct(StringComparer.Ordinal).Count();
                Message = submit ? lang[$"已保存并提交 {n} 个项目的月报，等待审核", $"Saved and submitted the reports of {n} projects for review"]
                    : lang[$"已保存 {n} 个项目的月报（未提交）", $"Saved the reports of {n} projects (not submitted)"];
                Lines = [];
            }
        }
        catch (AccessDeniedException e)
        {
            Errors.Add(lang[e.Reason]);
            Errors.Add(lang["未保存任何数据", "nothing was saved"]);
        }

        db.ChangeTracker.Clear();
        await LoadAsync(ct);
    }

    private static bool TryMoney(string text, out decimal value) =>
        decimal.TryParse(text.Trim().Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out value);

    private async Task<(RegionCode? Region, ReportingMonth? Month)> ScopeAsync(CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var region = ProjectViews.ParseRegion(Region, errors) ?? (errors.Count == 0 ? await ProjectViews.DefaultRegionAsync(db, User.ToActor(), ct) : null);
        ReportingMonth? month = null;
        if (string.IsNullOrWhiteSpace(Month) && region is not null)
        {
            var day = ProjectViews.ParseAsOf(Today, await AsOfDays.DefaultDayAsync(db, clock, ct), errors);
            month = day is { } d ? await ProjectViews.DefaultMonthAsync(db, region, d, ct) : null;
        }
        else if (!string.IsNullOrWhiteSpace(Month))
        {
            month = ProjectViews.ParseMonth(Month, errors);
        }

        Errors.AddRange(errors.SelectMany(e => e.Value).Select(m => ProjectViews.Pick(m, lang.En)));
        Region = region?.ToString() ?? Region;
        Month = month?.ToString() ?? Month;
        return errors.Count > 0 ? (null, null) : (region, month);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var (region, month) = await ScopeAsync(ct);
        if (region is { } r && month is { } m)
        {
            Form = await ProjectViews.FormAsync(db, User.ToActor(), r, m, ct);
        }
    }

    /// <summary>One grid line as typed (parsed on the server).</summary>
    public sealed class LineInput
    {
        public string? Code { get; set; }

        public string? ThisMonth { get; set; }

        public string? Cumulative { get; set; }

        public string? Progress { get; set; }

        public string? Problems { get; set; }
    }
}
