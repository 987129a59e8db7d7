using System.Globalization;
using Baiqiang.Core.Access;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Projects;
using Baiqiang.Core.Text;
using Baiqiang.Storage;
using Baiqiang.Storage.Projects;
using Baiqiang.Web.Auth;
using Baiqiang.Web.Pipeline;
using Baiqiang.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Web.Projects;

/// <summary>The validation report of a monthly-form upload: counts and every bad cell by row and column (zh / en).</summary>
public sealed record FormImportReport(string File, string Kind, int RowsRead, IReadOnlyList<ListImportIssue> Errors, bool Committed, int Added, int Updated, int Unchanged, int Skipped)
{
    public bool Success => Errors.Count == 0;
}

/// <summary>
/// <c>/api/projects/…</c>: the key-project ledger (consolidated by any grouping, exported), projects (list, detail,
/// create, update, transition), monthly reports (form, fill, submit, approve, return, close the month), problems,
/// warnings, and the monthly form's download and upload. Reads for every role; writes take the caller's
/// <see cref="Actor"/>: editors of the project's region or lead department fill and submit, reviewers of the region
/// approve, return and close — anything else is 403.
/// </summary>
public static class ProjectsApi
{
    public static void MapProjectsApi(this WebApplication app)
    {
        NavRegistry.Add(new NavItem("/Projects", "重点项目", "Key projects", _ => true));
        var api = app.MapGroup("/api/projects").WithTags("projects").RequireAuthorization().RequireAntiforgeryForCookies();
        api.MapGet("/", ListAsync).WithName("ListProjects");
        api.MapPost("/", CreateAsync).WithName("CreateProject");
        api.MapGet("/ledger", LedgerAsync).WithName("GetProjectLedger");
        api.MapGet("/ledger/export", ExportLedgerAsync).WithName("ExportProjectLedger");
        api.MapGet("/warnings", WarningsAsync).WithName("GetProjectWarnings");
        api.MapGet("/honor-roll", HonorRollViews.GetAsync).WithName("GetProjectHonorRoll");
        api.MapGet("/map", ProjectMapViews.GetAsync).WithName("GetProjectMap");
        api.MapGet("/reports", ReportsAsync).WithName("GetMonthlyReports");
        api.MapPost("/months/close", CloseMonthAsync).WithName("CloseProjectMonth");
        api.MapGet("/form", FormAsync).WithName("DownloadProjectForm");
        api.MapPost("/form/import", ImportFormAsync).WithName("ImportProjectForm").DisableAntiforgery().WithParseBudget();
        api.MapPost("/problems/{id}/resolve", ResolveProblemAsync).WithName("ResolveProjectProblem");
        api.MapMilestonePlanApi();
        api.MapGet("/{code}", GetAsync).WithName("GetProject");
        api.MapPut("/{code}", UpdateAsync).WithName("UpdateProject");
        api.MapPost("/{code}/transition", TransitionAsync).WithName("TransitionProject");
        api.MapPost("/{code}/problems", AddProblemAsync).WithName("AddProjectProblem");
        api.MapGet("/{code}/reports/{month}", RevisionsAsync).WithName("GetProjectReportRevisions");
        api.MapPost("/{code}/reports/{month}", FillAsync).WithName("FillProjectReport");
        api.MapPost("/{code}/reports/{month}/submit", SubmitAsync).WithName("SubmitProjectReport");
        api.MapPost("/{code}/reports/{month}/approve", ApproveAsync).WithName("ApproveProjectReport");
        api.MapPost("/{code}/reports/{month}/return", ReturnAsync).WithName("ReturnProjectReport");
    }

    /// <summary>
    /// The as-of day a write endpoint's response is judged on: <c>?today=2023-07-31</c> when given and well formed, else the
    /// store's as-of day, else the clock's (a malformed day falls back too: the write has already happened).
    /// </summary>
    private static async Task<DateOnly> AsOfAsync(BaiqiangDbContext db, TimeProvider clock, string? today, CancellationToken ct) =>
        ProjectViews.ParseAsOf(today, await AsOfDays.DefaultDayAsync(db, clock, ct), new Dictionary<string, string[]>(StringComparer.Ordinal))
        ?? await AsOfDays.DefaultDayAsync(db, clock, ct);

    internal static async Task<Results<Ok<IReadOnlyList<ProjectSummary>>, ValidationProblem>> ListAsync(string? region, BaiqiangDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var r = ProjectViews.ParseRegion(region, errors);
        return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : TypedResults.Ok(await ProjectViews.ListAsync(db, r, ct));
    }

    internal static async Task<Results<Ok<LedgerResponse>, ValidationProblem>> LedgerAsync(
        [AsParameters] LedgerQuery query, BaiqiangDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var (args, errors) = await ProjectViews.ParseLedgerAsync(db, query, await AsOfDays.DefaultDayAsync(db, clock, ct), ct);
        return args is null ? TypedResults.ValidationProblem(errors) : TypedResults.Ok(await ProjectViews.LedgerAsync(db, args, ct));
    }

    /// <summary>
    /// The ledger view as CSV (default) or XLSX (<c>format=xlsx</c>), in the columns of <c>baiqiang projects report</c> (with
    /// 前期手续 on project rows); <c>lang=en</c> writes English headers and words (default: Chinese).
    /// </summary>
    internal static async Task<Results<FileContentHttpResult, ValidationProblem>> ExportLedgerAsync(
        [AsParameters] LedgerQuery query, string? format, string? lang, BaiqiangDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var (args, errors) = await ProjectViews.ParseLedgerAsync(db, query, await AsOfDays.DefaultDayAsync(db, clock, ct), ct);
        if (args is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var view = await ProjectViews.ReportAsync(db, args, ct);
        var labels = await ProjectViews.LabelsAsync(db, view.Report, ct);
        var english = string.Equals(lang, "en", StringComparison.OrdinalIgnoreCase);
        var options = new LedgerExportOptions(await LedgerReportExport.PreliminaryAsync(db, args.Region, ct), args.Today, english);
        var cells = LedgerReportExport.Cells([view.Report], (_, r) => labels(r), options);
        await using var buffer = new MemoryStream();
        var xlsx = string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase);
        if (xlsx)
        {
            await LedgerReportExport.WriteXlsxAsync(buffer, cells, english, ct);
        }
        else
        {
            await buffer.WriteAsync(System.Text.Encoding.UTF8.Preamble.ToArray(), ct);
            await LedgerReportExport.WriteCsvAsync(buffer, cells, english, ct);
        }

        var name = string.Create(CultureInfo.InvariantCulture, $"ledger-{args.Period}-{ProjectViews.GroupingName(args.By)}");
        return TypedResults.File(buffer.ToArray(), xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8",
            name + (xlsx ? ".xlsx" : ".csv"));
    }

    /// <summary>A project with milestones and problems judged overdue as of <c>today</c> (<c>2022-06-30</c>; default: today), like the warnings.</summary>
    internal static async Task<Results<Ok<ProjectDetail>, NotFound, ValidationProblem>> GetAsync(
        string code, string? today, HttpContext http, BaiqiangDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (ProjectViews.ParseAsOf(today, await AsOfDays.DefaultDayAsync(db, clock, ct), errors) is not { } day)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return await ProjectViews.DetailAsync(db, http.User.ToActor(), code, day, ct) is { } d ? TypedResults.Ok(d) : TypedResults.NotFound();
    }

    internal static async Task<Results<Created<ProjectSummary>, ValidationProblem, ForbidHttpResult>> CreateAsync(
        ProjectRequest request, HttpContext http, BaiqiangDbContext db, CancellationToken ct)
    {
        try
        {
            var (project, errors) = await ProjectViews.CreateAsync(db, http.User.ToActor(), request, ct);
            return project is null ? TypedResults.ValidationProblem(errors) : TypedResults.Created($"/api/projects/{Uri.EscapeDataString(project.Code)}", project);
        }
        catch (AccessDeniedException)
        {
            return TypedResults.Forbid();
        }
    }

    internal static async Task<Results<Ok<ProjectDetail>, NotFound, ValidationProblem, ForbidHttpResult>> UpdateAsync(
        string code, ProjectRequest request, HttpContext http, BaiqiangDbContext db, TimeProvider clock, string? today, CancellationToken ct)
    {
        var actor = http.User.ToActor();
        try
        {
            var errors = await ProjectViews.UpdateAsync(db, actor, code, request, ct);
            if (errors is null)
            {
                return TypedResults.NotFound();
            }

            if (errors.Count > 0)
            {
                return TypedResults.ValidationProblem(errors);
            }
        }
        catch (AccessDeniedException)
        {
            return TypedResults.Forbid();
        }

        return TypedResults.Ok((await ProjectViews.DetailAsync(db, actor, code, await AsOfAsync(db, clock, today, ct), ct))!);
    }

    internal static async Task<Results<Ok<ProjectDetail>, NotFound, ValidationProblem, ForbidHttpResult>> TransitionAsync(
        string code, TransitionRequest request, HttpContext http, BaiqiangDbContext db, TimeProvider clock, string? today, CancellationToken ct)
    {
        var actor = http.User.ToActor();
        if (!await ExistsAsync(db, code, ct))
        {
            return TypedResults.NotFound();
        }

        try
        {
            if (await ProjectViews.TransitionAsync(db, actor, code, request, ct) is { } refusal)
            {
                return Problem("status", refusal);
            }
        }
        catch (AccessDeniedException)
        {
            return TypedResults.Forbid();
        }

        return TypedResults.Ok((await ProjectViews.DetailAsync(db, actor, code, await AsOfAsync(db, clock, today, ct), ct))!);
    }

    /// <summary>A region's month (<c>month=2022-07</c>) as the form and the review list show it.</summary>
    internal static async Task<Results<Ok<FormResponse>, ValidationProblem>> ReportsAsync(string? region, string? month, HttpContext http, BaiqiangDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var r = ProjectViews.ParseRegion(region, errors);
        if (r is null && !errors.ContainsKey("region"))
        {
            errors["region"] = ["须指定地区代码 / a region code is required"];
        }

        var m = ProjectViews.ParseMonth(month, errors);
        return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : TypedResults.Ok(await ProjectViews.FormAsync(db, http.User.ToActor(), r!.Value, m!.Value, ct));
    }

    internal static async Task<Results<Ok<IReadOnlyList<ReportItem>>, NotFound, ValidationProblem>> RevisionsAsync(string code, string month, BaiqiangDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var m = ProjectViews.ParseMonth(month, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (!await ExistsAsync(db, code, ct))
        {
            return TypedResults.NotFound();
        }

        var key = code.Trim();
        var rows = await db.MonthlyReports.AsNoTracking().Where(r => r.ProjectCode == key && r.Year == m!.Value.Year && r.Month == m.Value.Month)
            .OrderBy(r => r.Revision).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<ReportItem>>([.. rows.Select(ProjectViews.ToReport)]);
    }

    internal static Task<Results<Ok<IReadOnlyList<ReportItem>>, NotFound, ValidationProblem, ForbidHttpResult>> FillAsync(
        string code, string month, FillReportRequest request, HttpContext http, BaiqiangDbContext db, CancellationToken ct) =>
        ReportStepAsync(code, month, http, db, (a, m) => ProjectViews.FillAsync(db, a, code, m, request, ct), ct);

    internal static Task<Results<Ok<IReadOnlyList<ReportItem>>, NotFound, ValidationProblem, ForbidHttpResult>> SubmitAsync(
        string code, string month, HttpContext http, BaiqiangDbContext db, CancellationToken ct) =>
        ReportStepAsync(code, month, http, db, (a, m) => ProjectViews.SubmitAsync(db, a, code, m, ct), ct);

    internal static Task<Results<Ok<IReadOnlyList<ReportItem>>, NotFound, ValidationProblem, ForbidHttpResult>> ApproveAsync(
        string code, string month, ReviewRequest? request, HttpContext http, BaiqiangDbContext db, CancellationToken ct) =>
        ReportStepAsync(code, month, http, db, (a, m) => ProjectViews.ApproveAsync(db, a, code, m, request?.Comment, ct), ct);

    internal static Task<Results<Ok<IReadOnlyList<ReportItem>>, NotFound, ValidationProblem, ForbidHttpResult>> ReturnAsync(
        string code, string month, ReviewRequest request, HttpContext http, BaiqiangDbContext db, CancellationToken ct) =>
        ReportStepAsync(code, month, http, db, (a, m) => ProjectViews.ReturnAsync(db, a, code, m, request.Comment, ct), ct);

    private static async Task<Results<Ok<IReadOnlyList<ReportItem>>, NotFound, ValidationProblem, ForbidHttpResult>> ReportStepAsync(
        string code, string month, HttpContext http, BaiqiangDbContext db, Func<Actor, ReportingMonth, Task<Bilingual?>> step, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var m = ProjectViews.ParseMonth(month, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (!await ExistsAsync(db, code, ct))
        {
            return TypedResults.NotFound();
        }

        try
        {
            if (await step(http.User.ToActor(), m!.Value) is { } refusal)
            {
                return Problem("report", refusal);
            }
        }
        catch (AccessDeniedException)
        {
            return TypedResults.Forbid();
        }

        db.ChangeTracker.Clear();
        var key = code.Trim();
        var rows = await db.MonthlyReports.AsNoTracking().Where(r => r.ProjectCode == key && r.Year == m!.Value.Year && r.Month == m.Value.Month)
            .OrderBy(r => r.Revision).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<ReportItem>>([.. rows.Select(ProjectViews.ToReport)]);
    }

    internal static async Task<Results<NoContent, ValidationProblem, ForbidHttpResult>> CloseMonthAsync(
        CloseMonthRequest request, HttpContext http, BaiqiangDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var r = ProjectViews.ParseRegion(request.Region, errors);
        if (r is null && !errors.ContainsKey("region"))
        {
            errors["region"] = ["须指定地区代码 / a region code is required"];
        }

        var m = ProjectViews.ParseMonth(request.Month, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        try
        {
            await ProjectViews.CloseMonthAsync(db, http.User.ToActor(), r!.Value, m!.Value, clock, ct);
            return TypedResults.NoContent();
        }
        catch (AccessDeniedException)
        {
            return TypedResults.Forbid();
        }
    }

    internal static async Task<Results<Created<ProblemItem>, NotFound, ValidationProblem, ForbidHttpResult>> AddProblemAsync(
        string code, AddProblemRequest request, HttpContext http, BaiqiangDbContext db, TimeProvider clock, string? today, CancellationToken ct)
    {
        if (!await ExistsAsync(db, code, ct))
        {
            return TypedResults.NotFound();
        }

        try
        {
            var (id, refusal) = await ProjectViews.AddProblemAsync(db, http.User.ToActor(), code, request, ct);
            if (refusal is { } r)
            {
                return Problem("problem", r);
            }

            var e = await db.ProjectProblems.AsNoTracking().SingleAsync(q => q.Key == id, ct);
            return TypedResults.Created($"/api/projects/{Uri.EscapeDataString(code.Trim())}", ProjectViews.ToProblem(e, await AsOfAsync(db, clock, today, ct)));
        }
        catch (AccessDeniedException)
        {
            return TypedResults.Forbid();
        }
    }

    internal static async Task<Results<Ok<ProblemItem>, NotFound, ValidationProblem, ForbidHttpResult>> ResolveProblemAsync(
        string id, ResolveProblemRequest request, HttpContext http, BaiqiangDbContext db, TimeProvider clock, string? today, CancellationToken ct)
    {
        var key = id.Trim();
        if (!await db.ProjectProblems.AsNoTracking().AnyAsync(q => q.Key == key, ct))
        {
            return TypedResults.NotFound();
        }

        try
        {
            if (await ProjectViews.ResolveProblemAsync(db, http.User.ToActor(), key, request, ct) is { } refusal)
            {
                return Problem("problem", refusal);
            }
        }
        catch (AccessDeniedException)
        {
            return TypedResults.Forbid();
        }

        db.ChangeTracker.Clear();
        return TypedResults.Ok(ProjectViews.ToProblem(await db.ProjectProblems.AsNoTracking().SingleAsync(q => q.Key == key, ct), await AsOfAsync(db, clock, today, ct)));
    }

    /// <summary>Warnings for <c>period</c> (default: the ledger's latest month) as of <c>today</c> (<c>2022-06-30</c>; default: today).</summary>
    internal static async Task<Results<Ok<WarningsResponse>, ValidationProblem>> WarningsAsync(
        string? period, string? region, string? today, BaiqiangDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var (args, errors) = await ProjectViews.ParseWarningsAsync(db, period, region, today, await AsOfDays.DefaultDayAsync(db, clock, ct), ct);
        return args is null ? TypedResults.ValidationProblem(errors) : TypedResults.Ok(await ProjectViews.WarningsAsync(db, args.Period, args.Region, args.Today, ct));
    }

    /// <summary>The monthly form (填报表) of a region's projects for <c>month</c>: pre-filled with what was reported, or blank (<c>blank=true</c>); CSV or <c>format=xlsx</c>.</summary>
    internal static async Task<Results<FileContentHttpResult, ValidationProblem>> FormAsync(
        string? region, string? month, bool? blank, string? format, BaiqiangDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var r = ProjectViews.ParseRegion(region, errors);
        var m = ProjectViews.ParseMonth(month, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var period = StatPeriod.ForMonth(m!.Value.Year, m.Value.Month);
        var rows = await ProjectSheetBuilder.BuildAsync(db, period, r, form: true, blank: blank == true, ct);
        await using var buffer = new MemoryStream();
        var xlsx = string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase);
        if (xlsx)
        {
            await ProjectSheet.WriteXlsxAsync(buffer, rows, m.Value.Month, m.Value.ToString(), ct);
        }
        else
        {
            await ProjectSheet.WriteCsvAsync(buffer, rows, m.Value.Month, m.Value.ToString(), ct);
        }

        var name = string.Create(CultureInfo.InvariantCulture, $"form-{r?.ToString() ?? "all"}-{m.Value}");
        return TypedResults.File(buffer.ToArray(), xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8",
            name + (xlsx ? ".xlsx" : ".csv"));
    }

    /// <summary>
    /// Upload a filled monthly form (CSV/XLSX with a 填报月份 column, or give <c>month</c>): without <c>commit=true</c> only
    /// the validation report; with it every row is stored as 已提交 for review, or none. A row of a project the caller may
    /// not edit makes a commit 403.
    /// </summary>
    internal static async Task<Results<Ok<FormImportReport>, UnprocessableEntity<FormImportReport>, ForbidHttpResult>> ImportFormAsync(
        IFormFile file, bool? commit, string? month, HttpContext http, BaiqiangDbContext db, CancellationToken ct)
    {
        var actor = http.User.ToActor();
        if (commit == true && !actor.IsAdmin && !actor.Roles.HasFlag(Role.Editor))
        {
            return TypedResults.Forbid();
        }

        var (report, outOfScope) = await ImportFormCoreAsync(db, actor, file, commit == true, month, ct);
        if (commit == true && outOfScope)
        {
            return TypedResults.Forbid();
        }

        return report.Success ? TypedResults.Ok(report) : TypedResults.UnprocessableEntity(report);
    }

    /// <summary>Runs the form import (dry run first, so a commit that would be refused stores nothing); shared with the Form page.</summary>
    internal static async Task<(FormImportReport Report, bool OutOfScope)> ImportFormCoreAsync(
        BaiqiangDbContext db, Actor actor, IFormFile file, bool commit, string? month, CancellationToken ct)
    {
        StatPeriod? period = null;
        if (!string.IsNullOrWhiteSpace(month))
        {
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            if (ProjectViews.ParseMonth(month, errors) is { } m)
            {
                period = StatPeriod.ForMonth(m.Year, m.Month);
            }
            else
            {
                var bad = new FormImportReport(file.FileName, "form", 0, [new ListImportIssue(null, "month", Zh(errors["month"][0]), En(errors["month"][0]))], false, 0, 0, 0, 0);
                return (bad, false);
            }
        }

        await using var buffer = new MemoryStream();
        if (file.Length > Imports.ImportLimits.MaxUploadBytes)
        {
            var max = Imports.ImportLimits.MaxUploadBytes / 1024 / 1024;
            return (new FormImportReport(file.FileName, "form", 0, [new ListImportIssue(null, null, $"文件过大（上限 {max} MB）", $"file too large (limit {max} MB)")], false, 0, 0, 0, 0), false);
        }

        await using (var upload = file.OpenReadStream())
        {
            await upload.CopyToAsync(buffer, ct);
        }

        var options = new ProjectImportOptions(ProjectFileKind.Form, period, Approve: false, DryRun: true, MaxBytes: Imports.ImportLimits.MaxUploadBytes);
        buffer.Position = 0;
        var result = await ProjectFileImporter.ImportAsync(db, buffer, file.FileName, options, actor, ct);
        // A row the actor may not report for (or approve) is a refusal of rights, not of content: the importer marks it by kind.
        var outOfScope = result.OutOfScope;
        if (commit && result.Success)
        {
            buffer.Position = 0;
            ProjectViews.Tracking(db);
            result = await ProjectFileImporter.ImportAsync(db, buffer, file.FileName, options with { DryRun = false }, actor, ct);
        }

        var report = new FormImportReport(file.FileName, result.Kind == ProjectFileKind.Form ? "form" : "ledger", result.RowsRead,
            [.. result.Errors.Select(e => new ListImportIssue(e.Row, e.Column, e.Message.Zh, e.Message.En))],
            commit && result.Success, result.Added, result.Updated, result.Unchanged, result.Skipped);
        return (report, outOfScope);
    }

    private static string Zh(string message) => ProjectViews.Pick(message, false);

    private static string En(string message) => ProjectViews.Pick(message, true);

    private static ValidationProblem Problem(string field, Bilingual refusal) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [refusal.ToString()] });

    private static async Task<bool> ExistsAsync(BaiqiangDbContext db, string code, CancellationToken ct)
    {
        var key = code.Trim();
        return await db.Projects.AsNoTracking().AnyAsync(p => p.Code == key, ct);
    }
}
