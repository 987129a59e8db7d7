using System.Globalization;
using Baiqiang.Core.Access;
using Baiqiang.Core.Text;
using Baiqiang.Storage;
using Baiqiang.Web.Auth;
using Baiqiang.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Baiqiang.Web.Projects;

/// <summary>
/// One key project: its fields, status history, monthly reports with revisions, problems and audit trail; forms to move its
/// status and to add or resolve problems (editors of its region or lead department). Milestones and problems are judged
/// overdue as of <c>today=2022-06-30</c> (default: today), the day the warnings page takes, and the forms keep that day.
/// </summary>
public sealed class ProjectModel(BaiqiangDbContext db, TimeProvider clock, Lang lang) : PageModel
{
    public ProjectDetail? Detail { get; private set; }

    /// <summary>The milestones' Gantt view (baseline, current, actual) and re-plan history, for <c>_MilestonePlan</c>.</summary>
    public GanttResponse? Gantt { get; private set; }

    public List<string> Errors { get; } = [];

    public string? Message { get; private set; }

    [BindProperty]
    public string? Status { get; set; }

    [BindProperty]
    public string? On { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? Description { get; set; }

    [BindProperty]
    public string? Department { get; set; }

    [BindProperty]
    public string? Category { get; set; }

    [BindProperty]
    public string? DueOn { get; set; }

    [BindProperty]
    public string? ProblemId { get; set; }

    [BindProperty]
    public string? Resolution { get; set; }

    /// <summary>The as-of day as typed (<c>2022-06-30</c>); blank means today. Kept on every link and form of the page.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Today { get; set; }

    /// <summary>The as-of day parsed (the clock's when <see cref="Today"/> is blank); null when <see cref="Today"/> is malformed.</summary>
    public DateOnly? AsOf { get; private set; }

    /// <summary><see cref="AsOf"/> with where it came from (typed, the store's as-of setting, or the clock), for the page to say.</summary>
    public Baiqiang.Storage.Settings.AsOfDay AsOfSource { get; private set; }

    /// <summary>The as-of day to carry on links and forms: only one the user chose, so a page "as of today" stays on the live day.</summary>
    public string? CarriedToday => string.IsNullOrWhiteSpace(Today) || AsOf is not { } d ? null : d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public async Task<IActionResult> OnGetAsync(string code, string? saved, CancellationToken ct)
    {
        if (!await ParseAsOfAsync(ct))
        {
            return Page();
        }

        // The edit page redirects here after a save.
        Message = saved switch
        {
            "created" => lang["项目已创建", "Project created"],
            "updated" => lang["修改已保存", "Changes saved"],
            "replanned" => lang["计划已调整", "Milestone re-planned"],
            _ => null,
        };
        return await LoadAsync(code, ct);
    }

    public async Task<IActionResult> OnPostTransitionAsync(string code, CancellationToken ct)
    {
        if (!await ParseAsOfAsync(ct))
        {
            return Page();
        }

        if (Date(On, "变更日期", "the date of the change") is { } on)
        {
            await RunAsync(() => ProjectViews.TransitionAsync(db, User.ToActor(), code, new TransitionRequest(Status ?? string.Empty, on, Reason), ct),
                lang["状态已变更", "Status changed"]);
        }

        return await LoadAsync(code, ct);
    }

    public async Task<IActionResult> OnPostAddProblemAsync(string code, CancellationToken ct)
    {
        if (!await ParseAsOfAsync(ct))
        {
            return Page();
        }

        var raised = Date(On, "提出日期", "the date raised");
        DateOnly? due = string.IsNullOrWhiteSpace(DueOn) ? null : Date(DueOn, "办结期限", "the due date");
        if (raised is { } r && Errors.Count == 0)
        {
            await RunAsync(
                async () => (await ProjectViews.AddProblemAsync(db, User.ToActor(), code, new AddProblemRequest(Description ?? string.Empty, Department ?? string.Empty, r, due, Category), ct)).Refusal,
                lang["问题已登记", "Problem added"]);
        }

        return await LoadAsync(code, ct);
    }

    public async Task<IActionResult> OnPostResolveProblemAsync(string code, CancellationToken ct)
    {
        if (!await ParseAsOfAsync(ct))
        {
            return Page();
        }

        if (Date(On, "解决日期", "the resolution date") is { } on)
        {
            await RunAsync(() => ProjectViews.ResolveProblemAsync(db, User.ToActor(), ProblemId ?? string.Empty, new ResolveProblemRequest(Resolution ?? string.Empty, on), ct),
                lang["问题已解决", "Problem resolved"]);
        }

        return await LoadAsync(code, ct);
    }

    [BindProperty]
    public string? Level { get; set; }

    public async Task<IActionResult> OnPostEscalateAsync(string code, CancellationToken ct)
    {
        if (!await ParseAsOfAsync(ct))
        {
            return Page();
        }

        await RunAsync(() => SupervisionViews.EscalateAsync(db, User.ToActor(), ProblemId ?? string.Empty, new EscalateRequest(Level ?? string.Empty, Reason ?? string.Empty), AsOf!.Value, ct),
            lang["已升级督办", "Escalated"]);
        return await LoadAsync(code, ct);
    }

    private async Task RunAsync(Func<Task<Bilingual?>> write, string done)
    {
        try
        {
            if (await write() is { } refusal)
            {
                Errors.Add(lang[refusal]);
            }
            else
            {
                Message = done;
            }
        }
        catch (AccessDeniedException e)
        {
            Errors.Add(lang[e.Reason]);
        }
    }

    /// <summary>Reads <see cref="Today"/> with the warnings' parser; a malformed day is shown in the user's language and nothing is loaded or written.</summary>
    private async Task<bool> ParseAsOfAsync(CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var fallback = await AsOfDays.DefaultAsync(db, clock, ct);
        AsOf = ProjectViews.ParseAsOf(Today, fallback.Day, errors);
        Errors.AddRange(errors.SelectMany(e => e.Value).Select(m => ProjectViews.Pick(m, lang.En)));
        AsOfSource = AsOf is { } day ? AsOfDays.Judged(day, Today, fallback) : fallback;
        return AsOf is not null;
    }

    private DateOnly? Date(string? text, string zh, string en)
    {
        if (DateOnly.TryParseExact(text?.Trim() ?? string.Empty, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return d;
        }

        Errors.Add(lang[$"{zh}格式应为 yyyy-MM-dd", $"{en} must be yyyy-MM-dd"]);
        return null;
    }

    private async Task<IActionResult> LoadAsync(string code, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        Detail = await ProjectViews.DetailAsync(db, User.ToActor(), code, AsOf!.Value, ct);
        Gantt = Detail is null ? null : await MilestonePlanViews.ProjectGanttAsync(db, code, AsOf!.Value, ct);
        return Detail is null ? NotFound() : Page();
    }
}
