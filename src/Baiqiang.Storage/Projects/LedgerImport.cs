using Baiqiang.Core.Access;
using Baiqiang.Core.Projects;
using Baiqiang.Core.Regions;
using Baiqiang.Core.Text;
using static Baiqiang.Storage.Projects.ProjectFileImporter;

namespace Baiqiang.Storage.Projects;

/// <summary>The ledger (project list) half of <see cref="ProjectFileImporter"/>.</summary>
internal static class LedgerImport
{
    public static async Task<ProjectImportResult> RunAsync(BaiqiangDbContext db, Sheet sheet, ProjectImportOptions options, Actor actor, Errors errors, CancellationToken ct)
    {
        var kind = ProjectFileKind.Ledger;
        var (byCode, byName) = await LoadInfoAsync(db, ct);
        var existing = new Dictionary<string, Project>(RecordCode.Comparer);
        foreach (var p in await ProjectStore.ListAsync(db, null, ct))
        {
            existing.TryAdd(p.Code, p);
        }

        var projects = new List<Project>(sheet.Rows.Count);
        var seen = new Dictionary<string, string>(RecordCode.Comparer);
        var unchanged = 0;
        foreach (var (row, cells) in sheet.Rows)
        {
            var before = errors.Count;
            var info = Match(sheet, cells, row, byCode, byName, errors, reportMissing: false);
            var code = info?.Code ?? sheet.Cell(cells, SheetColumn.Code);
            if (code.Length == 0)
            {
                errors.Add(row, sheet.HeaderText(SheetColumn.Code), new Bilingual("新项目须填写项目编号", "a new project needs a project code"));
                continue;
            }

            if (Project.ValidateCode(code) is { } codeError)
            {
                errors.Add(row, sheet.HeaderText(SheetColumn.Code), codeError);
                continue;
            }

            if (!seen.TryAdd(code, code))
            {
                errors.Add(row, sheet.HeaderText(SheetColumn.Code), string.Equals(seen[code], code, StringComparison.Ordinal)
                    ? new Bilingual($"项目编号{code}在文件中重复", $"project code {code} appears twice in the file")
                    : RecordCode.Collision("项目编号", "project code", seen[code], code));
                continue;
            }

            existing.TryGetValue(code, out var old);
            var name = sheet.Cell(cells, SheetColumn.Name);
            if (name.Length == 0)
            {
                name = old?.Name ?? string.Empty;
                if (name.Length == 0)
                {
                    errors.Add(row, sheet.HeaderText(SheetColumn.Name), new Bilingual("项目名称为空", "the project name is empty"));
                }
            }

            RegionCode region = default;
            var regionText = sheet.Cell(cells, SheetColumn.Region);
            if (regionText.Length == 0 && old is not null)
            {
                region = old.Region;
            }
            else
            {
                var rc = RegionCode.TryParse(regionText);
                if (rc.Error is { } re)
                {
                    errors.Add(row, sheet.HeaderText(SheetColumn.Region), re);
                }
                else
                {
                    region = rc.Value;
                }
            }

            var category = Parse(sheet, cells, row, SheetColumn.Category, ProjectText.ParseCategory, old?.Category ?? ProjectCategory.Industry, errors);
            var projectKind = Parse(sheet, cells, row, SheetColumn.Kind, ProjectText.ParseKind, old?.Kind ?? ProjectKind.NewStart, errors);
            var status = Parse(sheet, cells, row, SheetColumn.Status, ProjectText.ParseStatus, old?.Status ?? ProjectStatus.Reserve, errors);
            var total = sheet.Has(SheetColumn.TotalInvestment) ? sheet.Money(cells, SheetColumn.TotalInvestment, row, errors) : null;
            var plan = sheet.Has(SheetColumn.AnnualPlan) ? sheet.Money(cells, SheetColumn.AnnualPlan, row, errors) : null;
            var start = sheet.Has(SheetColumn.Start) ? sheet.Date(cells, SheetColumn.Start, row, errors) : old?.PlannedStart;
            var finish = sheet.Has(SheetColumn.Finish) ? sheet.Date(cells, SheetColumn.Finish, row, errors) : old?.PlannedFinish;
            foreach (var c in new[] { SheetColumn.ThisMonth, SheetColumn.Cumulative })
            {
                if (sheet.Has(c))
                {
                    _ = sheet.Money(cells, c, row, errors);
                }
            }

            int? planYear = sheet.Header(SheetColumn.AnnualPlan)?.PlanYear;
            var yearText = sheet.Cell(cells, SheetColumn.PlanYear);
            if (yearText.Length > 0)
            {
                if (int.TryParse(yearText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var y) && y is >= 1949 and <= 2200)
                {
                    planYear = y;
                }
                else
                {
                    errors.Add(row, sheet.HeaderText(SheetColumn.PlanYear), new Bilingual($"计划年度“{yearText}”无法识别", $"plan year '{yearText}' cannot be read"));
                }
            }

            planYear ??= options.Period?.Year;
            if (plan is not null && planYear is null)
            {
                errors.Add(row, sheet.HeaderText(SheetColumn.AnnualPlan), new Bilingual(
                    "年度计划投资未注明年度(请加“计划年度”列,或用 --period 指定)", "the annual plan has no year (add a 计划年度 column, or pass --period)"));
            }

            if (old is not null && sheet.Has(SheetColumn.Status) && status != old.Status)
            {
                errors.Add(row, sheet.HeaderText(SheetColumn.Status), new Bilingual(
                    $"项目{code}当前为{ProjectText.Name(old.Status)},导入不能改为{ProjectText.Name(status)};请用 projects transition",
                    $"project {code} is {old.Status}; an import cannot change it to {status} (use projects transition)"));
            }

            if (errors.Count > before)
            {
                continue;
            }

            var department = sheet.Has(SheetColumn.Department) ? sheet.Cell(cells, SheetColumn.Department) : old?.LeadDepartment ?? string.Empty;
            if (!actor.CanEdit(region, department) || (old is not null && !actor.CanEdit(old.Region, old.LeadDepartment)))
            {
                errors.Refuse(row, sheet.HeaderText(SheetColumn.Code), new Bilingual(
                    $"用户“{actor.Name}”无权修改{region}的项目{code}", $"user '{actor.Name}' may not change project {code} of {region}"));
                continue;
            }

            var plans = old is null ? new Dictionary<int, decimal>() : new Dictionary<int, decimal>(old.AnnualPlans);
            if (plan is { } pl && planYear is { } py)
            {
                plans[py] = pl;
            }

            try
            {
                var p = new Project(code, name, region, status, null)
                {
                    Category = category,
                    Kind = projectKind,
                    IndustryChain = Text(sheet, cells, SheetColumn.IndustryChain, old?.IndustryChain) is { Length: > 0 } chain ? chain : null,
                    OwnerEnterprise = Text(sheet, cells, SheetColumn.Owner, old?.OwnerEnterprise) ?? string.Empty,
                    ConstructionContent = Text(sheet, cells, SheetColumn.Content, old?.ConstructionContent) ?? string.Empty,
                    TotalInvestment = total ?? old?.TotalInvestment ?? 0m,
                    AnnualPlans = plans,
                    PlannedStart = start,
                    PlannedFinish = finish,
                    Tags = sheet.Has(SheetColumn.Tags) ? SplitList(sheet.Cell(cells, SheetColumn.Tags)).ToHashSet(StringComparer.Ordinal) : old?.Tags.ToHashSet(StringComparer.Ordinal) ?? [],
                    Leader = Text(sheet, cells, SheetColumn.Leader, old?.Leader) ?? string.Empty,
                    LeadDepartment = department,
                    WorkGroup = sheet.Has(SheetColumn.WorkGroup) ? SplitList(sheet.Cell(cells, SheetColumn.WorkGroup)) : old?.WorkGroup ?? [],
                    Milestones = old?.Milestones ?? [],
                    SupplementaryAgreements = old?.SupplementaryAgreements ?? [],
                };
                if (old is not null && Same(old, p))
                {
                    unchanged++;
                    continue;
                }

                projects.Add(p);
            }
            catch (ArgumentException ex)
            {
                errors.Add(row, null, new Bilingual($"项目数据无效:{ex.Message}", $"invalid project data: {ex.Message}"));
            }
        }

        if (errors.Count > 0)
        {
            return errors.Result(kind, sheet.Rows.Count);
        }

        if (options.DryRun)
        {
            var newCount = projects.Count(p => !existing.ContainsKey(p.Code));
            return new ProjectImportResult(kind, sheet.Rows.Count, [], newCount, projects.Count - newCount, unchanged, 0);
        }

        var (added, updated) = await ProjectStore.UpsertManyAsync(db, projects, actor, ct);
        return new ProjectImportResult(kind, sheet.Rows.Count, [], added, updated, unchanged, 0);
    }

    private static bool Same(Project a, Project b) =>
        a.Name == b.Name && a.Region == b.Region && a.Category == b.Category && a.Kind == b.Kind && a.IndustryChain == b.IndustryChain
        && a.OwnerEnterprise == b.OwnerEnterprise && a.ConstructionContent == b.ConstructionContent && a.TotalInvestment == b.TotalInvestment
        && a.PlannedStart == b.PlannedStart && a.PlannedFinish == b.PlannedFinish && a.Leader == b.Leader && a.LeadDepartment == b.LeadDepartment
        && a.Tags.SetEquals(b.Tags) && a.WorkGroup.SequenceEqual(b.WorkGroup)
        && a.AnnualPlans.Count == b.AnnualPlans.Count && a.AnnualPlans.All(kv => b.AnnualPlanFor(kv.Key) == kv.Value);

    private static string? Text(Sheet sheet, string[] cells, SheetColumn c, string? old) => sheet.Has(c) ? sheet.Cell(cells, c) : old;

    private static T Parse<T>(Sheet sheet, string[] cells, int row, SheetColumn c, Func<string, ParseResult<T>> parse, T fallback, Errors errors)
    {
        var text = sheet.Cell(cells, c);
        if (text.Length == 0)
        {
            return fallback;
        }

        var r = parse(text);
        if (r.Error is { } e)
        {
            errors.Add(row, sheet.HeaderText(c), e);
            return fallback;
        }

        return r.Value;
    }
}
