using System.Globalization;
using Baiqiang.Core.Access;
using Baiqiang.Core.Projects;
using Baiqiang.Core.Quantities;
using Baiqiang.Core.Text;
using Baiqiang.Storage;
using Baiqiang.Storage.Projects;
using Baiqiang.Web.Auth;
using Baiqiang.Web.Pipeline;
using Baiqiang.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Web.Projects;

/// <summary>
/// <c>/Projects/Edit</c> creates a key project; <c>/Projects/Edit/{code}</c> (or <c>?code=</c>) edits one's description —
/// every field of <see cref="ProjectRequest"/> except the status, which moves only by transitions on the project page
/// (a new project may start at any status, as the API allows). The form's text is parsed here (money with the unit the
/// user picks, converted exactly to 万元; dates; lists); every rule after that is <see cref="ProjectViews.Build"/> and the
/// store, the same code <c>POST/PUT /api/projects</c> runs, and so is the audit (old → new per field).
/// </summary>
/// <remarks>
/// Rights: administrators and editors only (others get the denied page on GET and POST). Editing a project the caller may
/// not edit (<see cref="Actor.CanEdit"/> on its region and lead department) is refused the same way before the form is
/// read; creating one outside the caller's scope is refused by the store, shown on the form, and nothing is stored.
/// </remarks>
public sealed class EditModel(BaiqiangDbContext db, Lang lang) : PageModel
{
    /// <summary>The money units the form offers; the ledger keeps 万元.</summary>
    public static IReadOnlyList<Unit> MoneyUnits { get; } = [Unit.WanYuan, Unit.YiYuan];

    [BindProperty]
    public ProjectForm Input { get; set; } = new();

    /// <summary>The project being edited; null when creating.</summary>
    public string? Code { get; private set; }

    public bool IsNew => Code is null;

    /// <summary>Errors by field, each "中文 / English" as the API returns them.</summary>
    public Dictionary<string, string[]> FieldErrors { get; private set; } = new(StringComparer.Ordinal);

    public IEnumerable<string> Errors => FieldErrors.Values.SelectMany(v => v).Select(m => ProjectViews.Pick(m, lang.En));

    public string Invalid(string field) => FieldErrors.ContainsKey(field) ? "invalid" : string.Empty;

    public async Task<IActionResult> OnGetAsync(string? code, CancellationToken ct)
    {
        var actor = User.ToActor();
        if (!ProjectViews.MayCreate(actor))
        {
            return Forbid();
        }

        if (!string.IsNullOrWhiteSpace(code))
        {
            var existing = await ProjectStore.FindAsync(db, code.Trim(), ct);
            if (existing is null)
            {
                return NotFound();
            }

            if (!actor.CanEdit(existing.Region, existing.LeadDepartment))
            {
                return Forbid();
            }

            Code = existing.Code;
            Input = ProjectForm.From(existing);
        }
        else
        {
            Input = new ProjectForm { Region = actor.Regions.Order().Select(r => r.ToString()).FirstOrDefault() };
        }

        Input.AddBlankRows();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? code, CancellationToken ct)
    {
        var actor = User.ToActor();
        if (!ProjectViews.MayCreate(actor))
        {
            return Forbid();
        }

        Project? existing = null;
        if (!string.IsNullOrWhiteSpace(code))
        {
            existing = await ProjectStore.FindAsync(db, code.Trim(), ct);
            if (existing is null)
            {
                return NotFound();
            }

            if (!actor.CanEdit(existing.Region, existing.LeadDepartment))
            {
                return Forbid();
            }

            Code = existing.Code;
        }

        var (request, errors) = Input.ToRequest(existing);
        if (errors.Count > 0)
        {
            // The form could not be read as a request: show its errors together with the rules' errors on the rest.
            foreach (var (field, messages) in ProjectViews.Build(request, existing).Errors)
            {
                errors.TryAdd(field, messages);
            }

            FieldErrors = errors;
        }
        else
        {
            try
            {
                if (existing is null)
                {
                    var (created, createErrors) = await ProjectViews.CreateAsync(db, actor, request, ct);
                    if (created is not null)
                    {
                        return Redirect($"/Projects/Project/{Uri.EscapeDataString(created.Code)}?saved=created");
                    }

                    FieldErrors = createErrors;
                }
                else
                {
                    FieldErrors = await ProjectViews.UpdateAsync(db, actor, existing.Code, request, ct) ?? new(StringComparer.Ordinal);
                    if (FieldErrors.Count == 0)
                    {
                        return Redirect($"/Projects/Project/{Uri.EscapeDataString(existing.Code)}?saved=updated");
                    }
                }
            }
            catch (AccessDeniedException e)
            {
                // Out of scope (a region or lead department the caller does not hold): nothing was stored.
                FieldErrors = new(StringComparer.Ordinal) { ["rights"] = [e.Reason.ToString()] };
            }
        }

        db.ChangeTracker.Clear();
        Input.AddBlankRows();
        return Page();
    }

    /// <summary>The form's fields as typed. Money is text in the unit chosen beside it; dates are yyyy-MM-dd; lists are separated by 、 , ; or new lines.</summary>
    public sealed class ProjectForm
    {
        private static readonly char[] ListSeparators = ['、', ',', '，', ';', '；', '\n', '\r'];

        public string? Code { get; set; }

        public string? Name { get; set; }

        [Shared.Inputs.RegionInput]
        public string? Region { get; set; }

        public string? Category { get; set; }

        public string? Kind { get; set; }

        public string? IndustryChain { get; set; }

        public string? OwnerEnterprise { get; set; }

        public string? ConstructionContent { get; set; }

        public string? TotalInvestment { get; set; }

        public string? TotalInvestmentUnit { get; set; } = Unit.WanYuan.Symbol;

        public List<PlanInput> Plans { get; set; } = [];

        public string? PlanUnit { get; set; } = Unit.WanYuan.Symbol;

        public string? PlannedStart { get; set; }

        public string? PlannedFinish { get; set; }

        public string? Tags { get; set; }

        public string? Leader { get; set; }

        public string? LeadDepartment { get; set; }

        public string? WorkGroup { get; set; }

        /// <summary>工作推进组 (the group's name).</summary>
        public string? WorkGroupName { get; set; }

        /// <summary>调整原因: needed when a baselined milestone's planned date changes (kept with the re-plan).</summary>
        public string? ReplanReason { get; set; }

        public List<MilestoneInput> Milestones { get; set; } = [];

        public List<AgreementInput> Agreements { get; set; } = [];

        public string? TaxUnit { get; set; } = Unit.WanYuan.Symbol;

        /// <summary>The initial status of a new project (储备 when blank); ignored on edit.</summary>
        public string? Status { get; set; }

        public string? StatusSince { get; set; }

        /// <summary>A stored project as the form shows it: money in 亿元 when every amount of the group is at least 1亿元, else 万元 (exact either way).</summary>
        public static ProjectForm From(Project p)
        {
            var plans = p.AnnualPlans.OrderBy(k => k.Key).ToList();
            var taxes = p.SupplementaryAgreements.Select(a => a.TaxCommitment).OfType<decimal>().ToList();
            var totalUnit = UnitFor([p.TotalInvestment]);
            var planUnit = UnitFor(plans.Select(k => k.Value));
            var taxUnit = UnitFor(taxes);
            return new ProjectForm
            {
                Code = p.Code,
                Name = p.Name,
                Region = p.Region.ToString(),
                Category = p.Category.ToString(),
                Kind = p.Kind.ToString(),
                IndustryChain = p.IndustryChain,
                OwnerEnterprise = p.OwnerEnterprise,
                ConstructionContent = p.ConstructionContent,
                TotalInvestment = Text(p.TotalInvestment, totalUnit),
                TotalInvestmentUnit = totalUnit.Symbol,
                Plans = [.. plans.Select(k => new PlanInput { Year = k.Key.ToString(CultureInfo.InvariantCulture), Amount = Text(k.Value, planUnit) })],
                PlanUnit = planUnit.Symbol,
                PlannedStart = Date(p.PlannedStart),
                PlannedFinish = Date(p.PlannedFinish),
                Tags = string.Join('、', p.Tags.Order(StringComparer.Ordinal)),
                Leader = p.Leader,
                LeadDepartment = p.LeadDepartment,
                WorkGroup = string.Join('、', p.WorkGroup),
                WorkGroupName = p.WorkGroupName,
                Milestones = [.. p.Milestones.Select(m => new MilestoneInput { Name = m.Name, Deadline = Date(m.Deadline), CompletedOn = Date(m.CompletedOn), Kind = m.Kind.ToString() })],
                Agreements = [.. p.SupplementaryAgreements.Select(a => new AgreementInput
                {
                    SignedOn = Date(a.SignedOn), NewCompletionDate = Date(a.NewCompletionDate), TaxCommitment = a.TaxCommitment is { } t ? Text(t, taxUnit) : null,
                })],
                TaxUnit = taxUnit.Symbol,
                Status = p.Status.ToString(),
            };
        }

        /// <summary>Blank rows to type new plans, milestones and agreements into (blank rows are ignored on save).</summary>
        public void AddBlankRows()
        {
            Plans.RemoveAll(x => x.IsBlank);
            Milestones.RemoveAll(x => x.IsBlank);
            Agreements.RemoveAll(x => x.IsBlank);
            Plans.AddRange(Enumerable.Range(0, Math.Max(1, 3 - Plans.Count)).Select(_ => new PlanInput()));
            Milestones.AddRange(Enumerable.Range(0, Math.Max(1, 3 - Milestones.Count)).Select(_ => new MilestoneInput()));
            Agreements.Add(new AgreementInput());
        }

        /// <summary>
        /// The API request the form stands for, and the errors of text that could not be read (bad number, unit or date,
        /// half-filled row), by the API's field names and as "中文 / English". Rules on the values are not checked here.
        /// </summary>
        public (ProjectRequest Request, Dictionary<string, string[]> Errors) ToRequest(Project? existing)
        {
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            void Add(string field, string zh, string en) => errors.TryAdd(field, [new Bilingual(zh, en).ToString()]);

            var total = Money(TotalInvestment, TotalInvestmentUnit, "总投资", "the total investment", "totalInvestment", errors) ?? 0m;
            var plans = new List<PlanItem>();
            var planUnit = MoneyUnit(PlanUnit, "年度计划投资", "the annual plan", "annualPlans", errors);
            foreach (var (row, i) in Plans.Select((r, i) => (r, i + 1)).Where(x => !x.r.IsBlank))
            {
                if (!int.TryParse(row.Year?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 1000 or > 9999)
                {
                    Add("annualPlans", $"年度计划第{i}行：年度应为四位数字", $"annual plan row {i}: the year must have four digits");
                    continue;
                }

                if (Money(row.Amount, PlanUnit, $"年度计划第{i}行金额", $"annual plan row {i}'s amount", "annualPlans", errors, planUnit) is { } amount)
                {
                    plans.Add(new PlanItem(year, amount));
                }
                else if (string.IsNullOrWhiteSpace(row.Amount))
                {
                    Add("annualPlans", $"年度计划第{i}行：请填写金额", $"annual plan row {i}: the amount is missing");
                }
            }

            var start = OptionalDate(PlannedStart, "计划开工", "the planned start", "plannedStart", errors);
            var finish = OptionalDate(PlannedFinish, "计划竣工", "the planned finish", "plannedFinish", errors);

            var milestones = new List<MilestoneItem>();
            foreach (var (row, i) in Milestones.Select((r, i) => (r, i + 1)).Where(x => !x.r.IsBlank))
            {
                var deadline = RequiredDate(row.Deadline, $"节点第{i}行期限", $"milestone row {i}'s deadline", "milestones", errors);
                var done = OptionalDate(row.CompletedOn, $"节点第{i}行完成日期", $"milestone row {i}'s completion date", "milestones", errors);
                if (deadline is { } d)
                {
                    milestones.Add(new MilestoneItem(row.Name?.Trim() ?? string.Empty, d, done, false, row.Kind));
                }
            }

            var agreements = new List<AgreementItem>();
            var taxUnit = MoneyUnit(TaxUnit, "承诺税收", "the tax commitment", "agreements", errors);
            foreach (var (row, i) in Agreements.Select((r, i) => (r, i + 1)).Where(x => !x.r.IsBlank))
            {
                var signed = RequiredDate(row.SignedOn, $"补充协议第{i}行签订日期", $"agreement row {i}'s signing date", "agreements", errors);
                var completion = RequiredDate(row.NewCompletionDate, $"补充协议第{i}行约定竣工日期", $"agreement row {i}'s completion date", "agreements", errors);
                var tax = Money(row.TaxCommitment, TaxUnit, $"补充协议第{i}行承诺税收", $"agreement row {i}'s tax commitment", "agreements", errors, taxUnit);
                if (signed is { } s && completion is { } c)
                {
                    agreements.Add(new AgreementItem(s, c, tax));
                }
            }

            var since = existing is null ? OptionalDate(StatusSince, "状态日期", "the status date", "statusSince", errors) : null;
            var request = new ProjectRequest(
                existing?.Code ?? Code?.Trim() ?? string.Empty, Name?.Trim() ?? string.Empty, existing?.Region.ToString() ?? Region?.Trim() ?? string.Empty,
                Category, Kind, IndustryChain, OwnerEnterprise, ConstructionContent, total, plans, start, finish, List(Tags), Leader, LeadDepartment,
                List(WorkGroup), milestones, agreements, existing is null ? Status : null, since, WorkGroupName?.Trim() ?? string.Empty,
                string.IsNullOrWhiteSpace(ReplanReason) ? null : ReplanReason.Trim());
            return (request, errors);
        }

        private static List<string> List(string? text) =>
            [.. (text ?? string.Empty).Split(ListSeparators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];

        private static Unit? MoneyUnit(string? symbol, string zh, string en, string field, Dictionary<string, string[]> errors)
        {
            var s = string.IsNullOrWhiteSpace(symbol) ? Unit.WanYuan.Symbol : symbol.Trim();
            var unit = MoneyUnits.FirstOrDefault(u => u.Symbol == s);
            if (unit is null)
            {
                errors.TryAdd(field, [new Bilingual($"{zh}的单位“{s}”应为万元或亿元", $"the unit of {en} '{s}' must be 万元 or 亿元").ToString()]);
            }

            return unit;
        }

        /// <summary>An exact amount in the chosen unit as 万元 (ProjectSheet's reader, as for uploaded ledgers); null when blank or unreadable.</summary>
        private static decimal? Money(string? text, string? unitSymbol, string zh, string en, string field, Dictionary<string, string[]> errors, Unit? unit = null)
        {
            unit ??= MoneyUnit(unitSymbol, zh, en, field, errors);
            if (string.IsNullOrWhiteSpace(text) || unit is null)
            {
                return null;
            }

            try
            {
                if (ProjectSheet.TryParseMoney(text, unit, out var wan))
                {
                    return wan;
                }
            }
            catch (OverflowException)
            {
            }

            errors.TryAdd(field, [new Bilingual($"{zh}“{text.Trim()}”不是有效的数字", $"{en} '{text.Trim()}' is not a number").ToString()]);
            return null;
        }

        private static DateOnly? OptionalDate(string? text, string zh, string en, string field, Dictionary<string, string[]> errors) =>
            string.IsNullOrWhiteSpace(text) ? null : RequiredDate(text, zh, en, field, errors);

        private static DateOnly? RequiredDate(string? text, string zh, string en, string field, Dictionary<string, string[]> errors)
        {
            if (ProjectSheet.TryParseDate(text ?? string.Empty, out var d))
            {
                return d;
            }

            errors.TryAdd(field, [new Bilingual($"{zh}应写作 2022-03-15", $"{en} must be written like 2022-03-15").ToString()]);
            return null;
        }

        private static Unit UnitFor(IEnumerable<decimal> wan)
        {
            var values = wan.ToList();
            return values.Count > 0 && values.All(v => v == 0 || v >= 10_000m) && values.Any(v => v > 0) ? Unit.YiYuan : Unit.WanYuan;
        }

        private static string Text(decimal wan, Unit unit) => ProjectMoney.FromWanYuan(wan, unit).Value.ToString(CultureInfo.InvariantCulture);

        private static string? Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    public sealed class PlanInput
    {
        public string? Year { get; set; }

        public string? Amount { get; set; }

        public bool IsBlank => string.IsNullOrWhiteSpace(Year) && string.IsNullOrWhiteSpace(Amount);
    }

    public sealed class MilestoneInput
    {
        public string? Name { get; set; }

        public string? Deadline { get; set; }

        public string? CompletedOn { get; set; }

        /// <summary>Node (节点) or Preliminary (前期手续).</summary>
        public string? Kind { get; set; }

        public bool IsBlank => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Deadline) && string.IsNullOrWhiteSpace(CompletedOn);
    }

    public sealed class AgreementInput
    {
        public string? SignedOn { get; set; }

        public string? NewCompletionDate { get; set; }

        public string? TaxCommitment { get; set; }

        public bool IsBlank => string.IsNullOrWhiteSpace(SignedOn) && string.IsNullOrWhiteSpace(NewCompletionDate) && string.IsNullOrWhiteSpace(TaxCommitment);
    }
}
