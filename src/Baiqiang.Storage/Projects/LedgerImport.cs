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
        var (byCode, _) = await LoadInfoAsync(db, ct);
        var existing = new Dictionary<string, Project>(RecordCode.Comparer);
        foreach (var p in await ProjectStore.ListAsync(db, null, ct))
        {
            existing.TryAdd(p.Code, p);
        }

        var lookups = await Lookups.StoreLookups.LoadAsync(db, ct);
        var sameName = SameNames(existing.Values, x => (x.Region, x.Name), x => x.Code);
        var made = new List<Pending>(sheet.Rows.Count);
        var seen = new Dictionary<string, string>(RecordCode.Comparer);
        var namesInFile = new Dictionary<(RegionCode, string), int>();
        var unchanged = 0;
        var reasons = new Dictionary<string, string>(RecordCode.Comparer);
        foreach (var (row, cells) in sheet.Rows)
        {
            var before = errors.Count;
            var name = sheet.Cell(cells, SheetColumn.Name);
            var regionText = sheet.Cell(cells, SheetColumn.Region);
            RegionCode? rowRegion = null;
            if (regionText.Length > 0)
            {
                var rr = ResolveRegion(regionText, lookups);
                if (rr.Error is { } re)
                {
                    errors.Add(row, sheet.HeaderText(SheetColumn.Region), re);
                    continue;
                }

                rowRegion = rr.Value;
            }

            var codeCell = sheet.Cell(cells, SheetColumn.Code);
            string? code;
            if (codeCell.Length > 0)
            {
                code = byCode.TryGetValue(codeCell, out var info) ? info.Code : codeCell;
            }
            else if (name.Length == 0)
            {
                errors.Add(row, sheet.HeaderText(SheetColumn.Name), new Bilingual("未填项目编号时须填写项目名称", "a row without a project code needs a project name"));
                continue;
            }
            else if (rowRegion is not { } nameRegion)
            {
                errors.Add(row, sheet.HeaderText(SheetColumn.Region), new Bilingual(
                    $"项目“{name}”未填项目编号，须填写所属地区(按名称在地区内匹配或生成编号)",
                    $"project '{name}' has no code, so it needs 所属地区 (to match by name within the region or to assign a code)"));
                continue;
            }
            else
            {
                if (namesInFile.TryGetValue((nameRegion, name), out var firstRow))
                {
                    errors.Add(row, sheet.HeaderText(SheetColumn.Name), new Bilingual(
                        $"第{firstRow}行和第{row}行是同一地区({nameRegion})的同名项目“{name}”，请填写项目编号加以区分",
                        $"rows {firstRow} and {row} are both named '{name}' in region {nameRegion}; give them project codes to tell them apart"));
                    continue;
                }

                namesInFile.Add((nameRegion, name), row);
                var stored = sameName.GetValueOrDefault((nameRegion, name));
                if (stored is { Count: > 1 })
                {
                    errors.Add(row, sheet.HeaderText(SheetColumn.Name), new Bilingual(
                        $"地区{nameRegion}有{stored.Count}个名为“{name}”的项目({string.Join("、", stored)})，请填写项目编号",
                        $"region {nameRegion} has {stored.Count} projects named '{name}' ({string.Join(", ", stored)}); fill in the project code"));
                    continue;
                }

                code = stored is { Count: 1 } ? stored[0] : null;
            }

            if (code is not null && Project.ValidateCode(code) is { } codeError)
            {
                errors.Add(row, sheet.HeaderText(SheetColumn.Code), codeError);
                continue;
            }

            if (code is not null && !seen.TryAdd(code, code))
            {
                errors.Add(row, sheet.HeaderText(SheetColumn.Code), string.Equals(seen[code], code, StringComparison.Ordinal)
                    ? new Bilingual($"项目编号{code}在文件中重复", $"project code {code} appears twice in the file")
                    : RecordCode.Collision("项目编号", "project code", seen[code], code));
                continue;
            }

            Project? old = null;
            if (code is not null)
            {
                existing.TryGetValue(code, out old);
            }

            if (name.Length == 0)
            {
                name = old?.Name ?? string.Empty;
                if (name.Length == 0)
                {
                    errors.Add(row, sheet.HeaderText(SheetColumn.Name), new Bilingual("项目名称为空", "the project name is empty"));
                }
            }

            RegionCode region = default;
            if (rowRegion is { } given)
            {
                region = given;
            }
            else if (old is not null)
            {
                region = old.Region;
            }
            else
            {
                errors.Add(row, sheet.HeaderText(SheetColumn.Region), new Bilingual("新项目须填写所属地区", "a new project needs 所属地区 (its region)"));
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

            if (code is null && planYear is null)
            {
                errors.Add(row, sheet.HeaderText(SheetColumn.Code), new Bilingual(
                    "未填项目编号的新项目须有计划年度才能生成编号(加“计划年度”列，或用 --period 指定)",
                    "a new project without a code needs a plan year to be given one (add a 计划年度 column, or pass --period)"));
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
                    $"用户“{actor.Name}”无权修改{region}的项目{code ?? name}", $"user '{actor.Name}' may not change project {code ?? name} of {region}"));
                continue;
            }

            var plans = old is null ? new Dictionary<int, decimal>() : new Dictionary<int, decimal>(old.AnnualPlans);
            if (plan is { } pl && planYear is { } py)
            {
                plans[py] = pl;
            }

            var tags = sheet.Has(SheetColumn.Tags) ? SplitList(sheet.Cell(cells, SheetColumn.Tags)).ToHashSet(StringComparer.Ordinal) : old?.Tags.ToHashSet(StringComparer.Ordinal) ?? [];
            var workGroup = sheet.Has(SheetColumn.WorkGroup) ? SplitList(sheet.Cell(cells, SheetColumn.WorkGroup)) : old?.WorkGroup ?? [];
            var chain = Text(sheet, cells, SheetColumn.IndustryChain, old?.IndustryChain) is { Length: > 0 } ic ? ic : null;
            var owner = Text(sheet, cells, SheetColumn.Owner, old?.OwnerEnterprise) ?? string.Empty;
            var content = Text(sheet, cells, SheetColumn.Content, old?.ConstructionContent) ?? string.Empty;
            var leader = Text(sheet, cells, SheetColumn.Leader, old?.Leader) ?? string.Empty;
            var groupName = Text(sheet, cells, SheetColumn.WorkGroupName, old?.WorkGroupName) ?? string.Empty;
            var milestones = PreliminaryMilestones(sheet, cells, row, old, errors);
            if (errors.Count > before)
            {
                continue;
            }

            var reason = sheet.Cell(cells, SheetColumn.ReplanReason);
            if (reason.Length > 0 && code is not null)
            {
                reasons[code] = reason;
            }

            var (rowName, rowStatus, rowOld) = (name, status, old);
            Project Make(string c) => new(c, rowName, region, rowStatus, null)
            {
                Category = category,
                Kind = projectKind,
                IndustryChain = chain,
                OwnerEnterprise = owner,
                ConstructionContent = content,
                TotalInvestment = total ?? rowOld?.TotalInvestment ?? 0m,
                AnnualPlans = plans,
                PlannedStart = start,
                PlannedFinish = finish,
                Tags = tags,
                Leader = leader,
                LeadDepartment = department,
                WorkGroup = workGroup,
                WorkGroupName = groupName,
                Milestones = milestones,
                SupplementaryAgreements = rowOld?.SupplementaryAgreements ?? [],
            };

            made.Add(new Pending(row, code, region, planYear, old, Make));
        }

        // Codes for new projects without one, {region}-{plan year}-{serial}, after the highest serial stored or in the file.
        var serials = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var c in existing.Keys.Concat(seen.Keys))
        {
            if (ProjectCodes.SerialOf(c) is { } sp)
            {
                serials[sp.Prefix] = Math.Max(serials.GetValueOrDefault(sp.Prefix), sp.Serial);
            }
        }

        var projects = new List<Project>(made.Count);
        var rowCodes = new List<RowCode>(made.Count);
        foreach (var m in made)
        {
            var assigned = false;
            var code = m.Code;
            if (code is null)
            {
                if (errors.Count > 0)
                {
                    continue;
                }

                var prefix = ProjectCodes.Prefix(m.Region, m.PlanYear!.Value);
                var serial = serials.GetValueOrDefault(prefix) + 1;
                serials[prefix] = serial;
                code = ProjectCodes.Assign(m.Region, m.PlanYear.Value, serial);
                assigned = true;
            }

            try
            {
                var p = m.Make(code);
                rowCodes.Add(new RowCode(m.Row, p.Code, p.Name, assigned));
                if (m.Old is not null && Same(m.Old, p))
                {
                    unchanged++;
                    continue;
                }

                projects.Add(p);
            }
            catch (ArgumentException ex)
            {
                errors.Add(m.Row, null, new Bilingual($"项目数据无效:{ex.Message}", $"invalid project data: {ex.Message}"));
            }
        }

        if (errors.Count > 0)
        {
            return errors.Result(kind, sheet.Rows.Count);
        }

        if (options.DryRun)
        {
            var newCount = projects.Count(p => !existing.ContainsKey(p.Code));
            return new ProjectImportResult(kind, sheet.Rows.Count, [], newCount, projects.Count - newCount, unchanged, 0) { RowCodes = rowCodes };
        }

        var (added, updated) = await ProjectStore.UpsertManyAsync(db, projects, actor, reasons, ct);
        return new ProjectImportResult(kind, sheet.Rows.Count, [], added, updated, unchanged, 0) { RowCodes = rowCodes };
    }

    private static bool Same(Project a, Project b) =>
        a.Name == b.Name && a.Region == b.Region && a.Category == b.Category && a.Kind == b.Kind && a.IndustryChain == b.IndustryChain
        && a.OwnerEnterprise == b.OwnerEnterprise && a.ConstructionContent == b.ConstructionContent && a.TotalInvestment == b.TotalInvestment
        && a.PlannedStart == b.PlannedStart && a.PlannedFinish == b.PlannedFinish && a.Leader == b.Leader && a.LeadDepartment == b.LeadDepartment
        && a.Tags.SetEquals(b.Tags) && a.WorkGroup.SequenceEqual(b.WorkGroup) && a.WorkGroupName == b.WorkGroupName
        && a.AnnualPlans.Count == b.AnnualPlans.Count && a.AnnualPlans.All(kv => b.AnnualPlanFor(kv.Key) == kv.Value)
        && a.Milestones.Select(m => (m.Name, m.Deadline, m.CompletedOn, m.Kind)).Order().SequenceEqual(b.Milestones.Select(m => (m.Name, m.Deadline, m.CompletedOn, m.Kind)).Order());

    /// <summary>
    /// The row's milestones: the stored ones, with the 前期手续 columns applied (a planned date adds or moves the step, a
    /// done date completes it). A baselined step whose planned date moves needs the row's 调整原因 (named by row and column).
    /// </summary>
    private static List<Milestone> PreliminaryMilestones(Sheet sheet, string[] cells, int row, Project? old, Errors errors)
    {
        var list = old?.Milestones.ToList() ?? [];
        foreach (var (step, plannedColumn, doneColumn) in ProjectSheet.PreliminaryColumns)
        {
            if (!sheet.Has(plannedColumn) && !sheet.Has(doneColumn))
            {
                continue;
            }

            var planned = sheet.Has(plannedColumn) ? sheet.Date(cells, plannedColumn, row, errors) : null;
            var done = sheet.Has(doneColumn) ? sheet.Date(cells, doneColumn, row, errors) : null;
            var i = list.FindIndex(m => m.Name == step);
            var stored = i >= 0 ? list[i] : null;
            if (planned is null && done is null)
            {
                continue;
            }

            var deadline = planned ?? stored?.Deadline ?? done!.Value;
            var m = new Milestone(step, deadline, sheet.Has(doneColumn) ? done : stored?.CompletedOn) { Kind = MilestoneKind.Preliminary, Baseline = stored?.Baseline };
            if (stored?.Baseline is not null && stored.Deadline != deadline
                && MilestonePlan.CheckReplan(stored, deadline, sheet.Cell(cells, SheetColumn.ReplanReason)) is { } refusal)
            {
                errors.Add(row, sheet.HeaderText(plannedColumn), refusal);
                continue;
            }

            if (i >= 0)
            {
                list[i] = m;
            }
            else
            {
                list.Add(m);
            }
        }

        return list;
    }

    /// <summary>所属地区: a well-formed code as it is (a store need not list the region), any other text an unambiguous region name.</summary>
    internal static ParseResult<RegionCode> ResolveRegion(string text, Lookups.StoreLookups lookups)
    {
        foreach (var c in text)
        {
            if (c is not ((>= '0' and <= '9') or (>= '０' and <= '９')))
            {
                return lookups.ResolveRegion(text);
            }
        }

        return RegionCode.TryParse(ChineseText.Normalize(text));
    }

    /// <summary>The codes of the stored projects by (region, name), for matching rows without a code.</summary>
    private static Dictionary<(RegionCode, string), List<string>> SameNames<T>(IEnumerable<T> rows, Func<T, (RegionCode, string)> key, Func<T, string> code)
    {
        var d = new Dictionary<(RegionCode, string), List<string>>();
        foreach (var r in rows)
        {
            var k = key(r);
            if (!d.TryGetValue(k, out var list))
            {
                d[k] = list = [];
            }

            list.Add(code(r));
        }

        return d;
    }

    private sealed record Pending(int Row, string? Code, RegionCode Region, int? PlanYear, Project? Old, Func<string, Project> Make);

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
