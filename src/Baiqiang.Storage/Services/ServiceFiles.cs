using Baiqiang.Core.Services;
using Baiqiang.Core.Text;
using Baiqiang.Storage.Lists;

namespace Baiqiang.Storage.Services;

/// <summary>The four service-desk lists: their columns (import and export) and row parsers.</summary>
public static class ServiceFiles
{
    public static IReadOnlyList<ListColumn> EnterpriseColumns { get; } =
    [
        new("credit_code", "统一社会信用代码", Required: true),
        new("name", "企业名称", Required: true),
        new("region", "地区代码", Required: true),
        new("park", "园区代码"),
        new("industry", "行业"),
        new("size", "企业规模"),
        new("tags", "企业标签", Aliases: ["标签"]),
        new("contacts", "联系人"),
    ];

    public static IReadOnlyList<ListColumn> VisitColumns { get; } =
    [
        new("id", "走访编号", Required: true),
        new("date", "走访日期", Required: true),
        new("visitors", "走访人员", Required: true),
        new("credit_code", "统一社会信用代码", Required: true),
        new("region", "地区代码", Required: true),
        new("notes", "走访记录"),
    ];

    public static IReadOnlyList<ListColumn> RequestColumns { get; } =
    [
        new("id", "诉求编号", Required: true),
        new("credit_code", "统一社会信用代码", Required: true),
        new("region", "地区代码", Required: true),
        new("category", "诉求类别", Required: true),
        new("department", "责任单位", Required: true),
        new("raised_on", "受理日期", Required: true),
        new("deadline", "办理期限", Required: true),
        new("status", "办理状态"),
        new("started_on", "办理日期"),
        new("closed_on", "办结日期"),
        new("resolution", "办理结果", Aliases: ["无法解决原因"]),
        new("satisfaction", "满意度"),
        new("visit_id", "走访编号"),
        new("description", "诉求内容"),
    ];

    public static IReadOnlyList<ListColumn> CashOutColumns { get; } =
    [
        new("id", "兑现编号", Required: true),
        new("programme", "政策项目", Required: true),
        new("kind", "兑现方式", Required: true),
        new("beneficiary_kind", "对象类型", Required: true),
        new("beneficiary", "对象名称", Required: true),
        new("credit_code", "统一社会信用代码"),
        new("region", "地区代码", Required: true),
        new("amount", "金额", Required: true, IsMoney: true),
        new("date", "兑现日期", Required: true),
    ];

    /// <summary>The export header of a list: English keys, money in 万元.</summary>
    public static IReadOnlyList<string> Header(IReadOnlyList<ListColumn> columns) => [.. columns.Select(c => c.IsMoney ? c.Key + "(万元)" : c.Key)];

    public static Enterprise? ParseEnterprise(ListRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var code = Code(row, "credit_code", required: true);
        var name = row.Required("name", "企业名称");
        var region = row.Region("region", required: true);
        var park = row.Region("park", required: false);
        var size = row.Text("size") is { Length: > 0 } s ? row.Take("size", ServiceText.ParseSize(s)) : null;
        var tags = row.Take("tags", ServiceText.ParseFlags(row.Text("tags")));
        if (code is null || name is null || region is null || tags is null || (row.Text("size").Length > 0 && size is null) || (row.Text("park").Length > 0 && park is null))
        {
            return null;
        }

        return new Enterprise(code.Value, name, region.Value)
        {
            Park = park,
            Industry = row.Text("industry"),
            Size = size,
            Flags = tags.Value,
            Contacts = EnterpriseEntity.ParseContacts(row.Text("contacts")),
        };
    }

    public static Visit? ParseVisit(ListRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var id = row.Required("id", "走访编号");
        var date = row.Date("date");
        var visitors = row.Required("visitors", "走访人员");
        var code = Code(row, "credit_code", required: true);
        var region = row.Region("region", required: true);
        if (date is null && row.Text("date").Length == 0)
        {
            row.Error("date", new Bilingual("走访日期不能为空", "the visit date must not be empty"));
        }

        return id is null || date is null || visitors is null || code is null || region is null
            ? null
            : new Visit(id, date.Value, visitors, code.Value, region.Value, row.Text("notes"));
    }

    public static EnterpriseRequest? ParseRequest(ListRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var id = row.Required("id", "诉求编号");
        if (id is not null && RecordCode.Validate(id, 64, "诉求编号", "request id") is { } idError)
        {
            row.Error("id", idError);
            id = null;
        }

        var code = Code(row, "credit_code", required: true);
        var region = row.Region("region", required: true);
        var category = row.Text("category") is { Length: > 0 } c ? row.Take("category", ServiceText.ParseCategory(c)) : null;
        var department = row.Required("department", "责任单位");
        var raised = RequiredDate(row, "raised_on", "受理日期");
        var deadline = RequiredDate(row, "deadline", "办理期限");
        var status = row.Text("status") is { Length: > 0 } st ? row.Take("status", ServiceText.ParseStatus(st)) : RequestStatus.Accepted;
        var satisfaction = row.Text("satisfaction") is { Length: > 0 } sa ? row.Take("satisfaction", ServiceText.ParseSatisfaction(sa)) : null;
        var started = row.Date("started_on");
        var closed = row.Date("closed_on");
        if (row.Text("category").Length == 0)
        {
            row.Error("category", new Bilingual("诉求类别不能为空", "the request category must not be empty"));
        }

        if (id is null || code is null || region is null || category is null || department is null || raised is null || deadline is null || status is null
            || (row.Text("satisfaction").Length > 0 && satisfaction is null))
        {
            return null;
        }

        if (deadline < raised)
        {
            row.Error("deadline", new Bilingual($"办理期限早于受理日期", "the deadline is before the date raised"));
            return null;
        }

        var fresh = new EnterpriseRequest(id, code.Value, region.Value, category.Value, department, raised.Value, deadline.Value)
        {
            VisitId = row.Text("visit_id") is { Length: > 0 } v ? v : null,
            Description = row.Text("description"),
        };
        var restored = EnterpriseRequest.Restore(fresh, status.Value, started, closed, row.Text("resolution"), satisfaction);
        if (restored.Error is { } e)
        {
            row.Error(status is RequestStatus.Resolved or RequestStatus.Unresolvable && row.Text("resolution").Length == 0 ? "resolution" : "status", e);
            return null;
        }

        return restored.Value;
    }

    public static PolicyCashOut? ParseCashOut(ListRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var id = row.Required("id", "兑现编号");
        var programme = row.Required("programme", "政策项目");
        var kind = row.Text("kind") is { Length: > 0 } k ? row.Take("kind", ServiceText.ParseCashOutKind(k)) : null;
        var bk = row.Text("beneficiary_kind") is { Length: > 0 } b ? row.Take("beneficiary_kind", ServiceText.ParseBeneficiaryKind(b)) : null;
        var beneficiary = row.Required("beneficiary", "对象名称");
        var code = Code(row, "credit_code", required: false);
        var region = row.Region("region", required: true);
        var amount = row.Money("amount");
        var date = RequiredDate(row, "date", "兑现日期");
        if (amount is 0)
        {
            row.Error("amount", new Bilingual("金额须大于0", "the amount must be greater than 0"));
            return null;
        }

        if (row.Text("amount").Length == 0)
        {
            row.Error("amount", new Bilingual("金额不能为空", "the amount must not be empty"));
        }

        if (kind is null || bk is null)
        {
            if (row.Text("kind").Length == 0 || row.Text("beneficiary_kind").Length == 0)
            {
                row.Error(kind is null ? "kind" : "beneficiary_kind", new Bilingual("兑现方式和对象类型不能为空", "kind and beneficiary kind must not be empty"));
            }

            return null;
        }

        return id is null || programme is null || beneficiary is null || region is null || amount is null || date is null || (row.Text("credit_code").Length > 0 && code is null)
            ? null
            : new PolicyCashOut(id, programme, kind.Value, bk.Value, beneficiary, region.Value, amount.Value, date.Value) { CreditCode = code };
    }

    public static object?[] ToRow(EnterpriseEntity e) =>
        [e.CreditCode, e.Name, e.RegionCode.ToString(), e.ParkCode?.ToString(), e.Industry, e.Size is { } s ? ServiceText.Name(s) : null, ServiceText.Names(e.Tags), e.Contacts];

    public static object?[] ToRow(VisitEntity v) => [v.Key, v.On, v.Visitors, v.CreditCode, v.RegionCode.ToString(), v.Notes];

    public static object?[] ToRow(RequestEntity r) =>
    [
        r.Key, r.CreditCode, r.RegionCode.ToString(), ServiceText.Name(r.Category), r.Department, r.RaisedOn, r.Deadline, ServiceText.Name(r.Status),
        r.StartedOn, r.ClosedOn, r.Resolution, r.Satisfaction is { } s ? ServiceText.Name(s) : null, r.VisitKey, r.Description,
    ];

    public static object?[] ToRow(CashOutEntity c) =>
        [c.Key, c.Programme, ServiceText.Name(c.Kind), ServiceText.Name(c.BeneficiaryKind), c.Beneficiary, c.CreditCode, c.RegionCode.ToString(), c.Amount, c.On];

    private static UnifiedSocialCreditCode? Code(ListRow row, string key, bool required)
    {
        var t = row.Text(key);
        if (t.Length == 0)
        {
            if (required)
            {
                row.Error(key, new Bilingual("统一社会信用代码不能为空", "the unified social credit code must not be empty"));
            }

            return null;
        }

        return row.Take(key, UnifiedSocialCreditCode.TryParse(t));
    }

    private static DateOnly? RequiredDate(ListRow row, string key, string zh)
    {
        if (row.Text(key).Length == 0)
        {
            row.Error(key, new Bilingual($"“{zh}”不能为空", $"'{key}' must not be empty"));
            return null;
        }

        return row.Date(key);
    }
}
