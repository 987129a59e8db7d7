using System.Globalization;
using Baiqiang.Core.Access;
using Baiqiang.Core.Indicators;
using Baiqiang.Core.Quantities;
using Baiqiang.Core.Regions;
using Baiqiang.Storage;
using Baiqiang.Storage.Indicators;
using Baiqiang.Storage.Regions;
using Baiqiang.Storage.Targets;
using Baiqiang.Web.Auth;
using Baiqiang.Web.Shared;
using Baiqiang.Web.Shared.Inputs;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Web.Targets;

/// <summary>
/// 目标管理: a region's targets with progress against time elapsed, the formula and 时间过半、任务过半; for administrators and
/// the region's editors a form to add or change one (subject from the catalogue, deadline, comparator, a value with its unit
/// or a multiple of a base period) and deletion after a confirmation step. Validation is the store's, shown in the user's language.
/// </summary>
public sealed class IndexModel(BaiqiangDbContext db, Lang lang, TimeProvider clock) : PageModel
{
    /// <summary>The region: a code, or a name as typed (江阳, 泸州市江阳区), which <see cref="CanonicalInputsFilter"/> turns into
    /// its code (or refuses, naming the candidates of a shared name, beside the box).</summary>
    [BindProperty(SupportsGet = true)]
    [RegionInput]
    public string? Region { get; set; }

    /// <summary>The key of the target whose values fill the form (<c>?edit=</c>).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Edit { get; set; }

    /// <summary>The key of the target to confirm deletion of (<c>?delete=</c>).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Delete { get; set; }

    /// <summary>The key of the target being changed; blank when adding.</summary>
    [BindProperty]
    public string? OriginalKey { get; set; }

    [BindProperty]
    public string? Key { get; set; }

    [BindProperty]
    public string? Subject { get; set; }

    [BindProperty]
    public string? Deadline { get; set; }

    [BindProperty]
    public string? Comparator { get; set; }

    [BindProperty]
    public string? Value { get; set; }

    [BindProperty]
    public string? Unit { get; set; }

    [BindProperty]
    public string? Multiple { get; set; }

    [BindProperty]
    public string? BasePeriod { get; set; }

    /// <summary>A growth target in percent (16 = 增长16%).</summary>
    [BindProperty]
    public string? Growth { get; set; }

    /// <summary>An increase target (新增20家: 20, in <see cref="Unit"/>).</summary>
    [BindProperty]
    public string? Increase { get; set; }

    [BindProperty]
    public string? Description { get; set; }

    public RegionCode? Code { get; private set; }

    public string? RegionName { get; private set; }

    public IReadOnlyList<TargetResponse> Targets { get; private set; } = [];

    /// <summary>The day progress and time elapsed are counted to, and where it came from (store setting or clock).</summary>
    public Baiqiang.Storage.Settings.AsOfDay AsOf { get; private set; }

    public TargetResponse? ToDelete { get; private set; }

    public bool MayEdit { get; private set; }

    public bool Editing => !string.IsNullOrWhiteSpace(OriginalKey);

    public IReadOnlyList<(string Code, string Zh, string En, string Unit)> Indicators { get; private set; } = [];

    public IReadOnlyList<(string Code, string Name)> QuickRegions { get; private set; } = [];

    /// <summary>Field name → messages in the user's language.</summary>
    public List<(string Field, string Message)> Errors { get; } = [];

    public string? Message { get; private set; }

    public static IReadOnlyList<string> CommonUnits { get; } = ["亿元", "万元", "元", "万亿元", "个", "家", "项", "%", "万人"];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) && MayEdit && !string.IsNullOrWhiteSpace(Edit))
        {
            if (await TargetStore.FindAsync(db, Edit, ct) is { } e && e.RegionCode == Code)
            {
                Fill(e);
            }
            else
            {
                Errors.Add((string.Empty, lang[$"找不到目标“{Edit}”", $"no target '{Edit}'"]));
            }
        }

        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        var input = ReadForm();
        if (input is not null)
        {
            try
            {
                var result = Editing
                    ? await TargetStore.UpdateAsync(db, User.ToActor(), OriginalKey!, input, ct)
                    : await TargetStore.CreateAsync(db, User.ToActor(), input, ct);
                if (result is null)
                {
                    Errors.Add((string.Empty, lang[$"找不到目标“{OriginalKey}”", $"no target '{OriginalKey}'"]));
                }
                else if (!result.Success)
                {
                    Errors.AddRange(result.Errors.Select(e => (e.Field, $"{FieldLabel(e.Field)}{lang["：", ": "]}{lang[e.Message]}")));
                }
                else
                {
                    Message = Editing
                        ? lang[$"目标“{result.Target!.Key}”已保存", $"Target '{result.Target!.Key}' saved"]
                        : lang[$"已添加目标“{result.Target!.Key}”", $"Target '{result.Target!.Key}' added"];
                    Region = result.Target.RegionCode.ToString();
                    ClearForm();
                }
            }
            catch (AccessDeniedException e)
            {
                Errors.Add((string.Empty, lang[e.Reason]));
            }
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        var key = (Key ?? string.Empty).Trim();
        try
        {
            Message = await TargetStore.DeleteAsync(db, User.ToActor(), key, ct)
                ? lang[$"已删除目标“{key}”", $"Target '{key}' deleted"]
                : null;
            if (Message is null)
            {
                Errors.Add((string.Empty, lang[$"找不到目标“{key}”", $"no target '{key}'"]));
            }
        }
        catch (AccessDeniedException e)
        {
            Errors.Add((string.Empty, lang[e.Reason]));
        }

        Delete = null;
        ClearForm();
        await LoadAsync(ct);
        return Page();
    }

    public string FieldLabel(string field) => field switch
    {
        "region" => lang["地区", "Region"],
        "subject" => lang["指标", "Indicator"],
        "deadline" => lang["目标期限", "Deadline"],
        "comparator" => lang["比较", "Comparator"],
        "value" => lang["目标值", "Value"],
        "unit" => lang["单位", "Unit"],
        "multiple" => lang["倍数", "Multiple"],
        "growth" => lang["增速", "Growth"],
        "increase" => lang["新增量", "Increase"],
        "basePeriod" => lang["基期", "Base period"],
        "description" => lang["目标表述", "Description"],
        "key" => lang["标识", "Key"],
        _ => field,
    };

    /// <summary>The messages of one field (for the error beside its input).</summary>
    public IEnumerable<string> ErrorsOf(string field) => Errors.Where(e => e.Field == field).Select(e => e.Message);

    /// <summary>The form as a store input; null (with errors) when a number cannot be read.</summary>
    private TargetInput? ReadForm()
    {
        decimal? value = null;
        var unit = Unit;
        var qualifier = Qualifier.Exact;
        if (!string.IsNullOrWhiteSpace(Value))
        {
            var text = Value.Trim();
            if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var v))
            {
                value = v;
            }
            else if (AmountText.TryParse(text) is { Success: true } amount && (string.IsNullOrWhiteSpace(unit) || amount.Value.Unit.Dimension == Dimension.Dimensionless))
            {
                // "1000亿元" typed into the value box: the unit comes with it.
                value = amount.Value.Value;
                unit = amount.Value.Unit.Dimension == Dimension.Dimensionless ? unit : amount.Value.Unit.Symbol;
                qualifier = amount.Value.Qualifier;
            }
            else
            {
                Errors.Add(("value", $"{FieldLabel("value")}{lang["：", ": "]}{lang[$"“{text}”不是数字", $"'{text}' is not a number"]}"));
            }
        }

        decimal? multiple = null;
        if (!string.IsNullOrWhiteSpace(Multiple))
        {
            if (decimal.TryParse(Multiple.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var m))
            {
                multiple = m;
            }
            else
            {
                Errors.Add(("multiple", $"{FieldLabel("multiple")}{lang["：", ": "]}{lang[$"“{Multiple.Trim()}”不是数字", $"'{Multiple.Trim()}' is not a number"]}"));
            }
        }

        var growth = Number("growth", Growth?.Trim().TrimEnd('%', '％'));
        var increase = Number("increase", Increase);
        return Errors.Count > 0
            ? null
            : new TargetInput(Region, Subject, Deadline, Comparator, value, unit, qualifier, multiple, BasePeriod, Description, Editing ? OriginalKey : Key, growth, increase);
    }

    /// <summary>A number typed into <paramref name="field"/>'s box; null when blank, null with an error when not a number.</summary>
    private decimal? Number(string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (decimal.TryParse(text.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }

        Errors.Add((field, $"{FieldLabel(field)}{lang["：", ": "]}{lang[$"“{text.Trim()}”不是数字", $"'{text.Trim()}' is not a number"]}"));
        return null;
    }

    private void Fill(TargetEntity e)
    {
        var t = e.ToTarget();
        OriginalKey = e.Key;
        Key = e.Key;
        Subject = e.Subject;
        Deadline = e.Deadline.ToString();
        Comparator = e.Comparator;
        Value = t.Value?.Value.ToString(CultureInfo.InvariantCulture);
        Unit = (t.Value?.Unit ?? t.Increase?.Unit)?.Symbol;
        Multiple = t.MultipleOfBase?.ToString(CultureInfo.InvariantCulture);
        Growth = t.GrowthPercent?.ToString(CultureInfo.InvariantCulture);
        Increase = t.Increase?.Value.ToString(CultureInfo.InvariantCulture);
        BasePeriod = e.BasePeriod?.ToString();
        Description = e.DescriptionZh;
    }

    private void ClearForm()
    {
        ModelState.Clear();
        OriginalKey = Key = Subject = Deadline = Comparator = Value = Unit = Multiple = BasePeriod = Growth = Increase = Description = null;
        Edit = null;
    }

    /// <summary>Resolves the region (code or unique name; default the user's first region, else 江阳区) and loads its targets.</summary>
    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var actor = User.ToActor();
        var quick = actor.Regions.Select(r => r.ToString()).Concat(["510502", "320612", "360123401", "512000"]).Distinct(StringComparer.Ordinal).ToList();
        var quickCodes = quick.Select(RegionCode.Parse).ToList();
        QuickRegions = (await db.Regions.AsNoTracking().Where(r => quickCodes.Contains(r.Code)).Select(r => new { r.Code, r.Name }).ToListAsync(ct))
            .Select(r => (r.Code.ToString(), r.Name)).DistinctBy(r => r.Item1).OrderBy(r => quick.IndexOf(r.Item1)).ToList();
        var catalogue = await IndicatorStore.LoadCatalogueAsync(db, ct);
        Indicators = [.. catalogue.All.Where(i => i.Retired is null).Select(i => (i.Code.Value, i.NameZh, i.NameEn, i.Unit.Symbol))];

        RegionCode code;
        var text = Region?.Trim();
        if (CanonicalInputsFilter.ErrorFor(HttpContext, "region") is not null)
        {
            return false; // a typed name that is unknown or shared: the reason and the candidates are beside the box
        }

        if (string.IsNullOrEmpty(text))
        {
            code = QuickRegions.Count > 0 ? RegionCode.Parse(QuickRegions[0].Code) : new RegionCode(510502);
        }
        else if (!RegionCode.TryParse(text, out code))
        {
            Errors.Add(("region", lang[$"“{text}”不是有效的行政区划代码", $"'{text}' is not a valid region code"]));
            return false;
        }

        RegionName = await db.Regions.AsNoTracking().Where(r => r.Code == code).OrderBy(r => r.ValidTo == null ? 0 : 1).Select(r => r.Name).FirstOrDefaultAsync(ct);
        if (RegionName is null)
        {
            Errors.Add(("region", lang[$"地区 {code} 不存在", $"region {code} is not stored"]));
            return false;
        }

        Code = code;
        Region = code.ToString();
        MayEdit = actor.CanEdit(code);
        AsOf = await AsOfDays.DefaultAsync(db, clock, ct);
        Targets = await TargetViews.ListAsync(db, actor, code, AsOf.Day, ct);
        if (!string.IsNullOrWhiteSpace(Delete))
        {
            ToDelete = Targets.FirstOrDefault(t => t.Key == Delete.Trim() && t.MayEdit);
        }

        return true;
    }
}
