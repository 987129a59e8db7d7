using System.Globalization;
using Baiqiang.Core.Pipeline;
using Baiqiang.Core.Regions;
using Baiqiang.Core.Text;

namespace Baiqiang.Core.Services;

/// <summary>Category of an enterprise request (诉求类别).</summary>
public enum RequestCategory
{
    /// <summary>技术改造.</summary>
    TechnicalRenovation = 1,

    /// <summary>科技创新.</summary>
    Innovation = 2,

    /// <summary>上市融资.</summary>
    ListingFinancing = 3,

    /// <summary>融资贷款.</summary>
    Loans = 4,

    /// <summary>用工.</summary>
    Labour = 5,

    /// <summary>用地.</summary>
    Land = 6,

    /// <summary>审批.</summary>
    Approval = 7,

    /// <summary>政策兑现.</summary>
    PolicyDelivery = 8,

    /// <summary>其他.</summary>
    Other = 9,
}

/// <summary>受理 → 办理中 → 已解决 / 无法解决 (with a reason).</summary>
public enum RequestStatus
{
    /// <summary>受理.</summary>
    Accepted = 1,

    /// <summary>办理中.</summary>
    InProgress = 2,

    /// <summary>已解决. Final.</summary>
    Resolved = 3,

    /// <summary>无法解决 (with a reason). Final.</summary>
    Unresolvable = 4,
}

/// <summary>The enterprise's rating of how its request was handled.</summary>
public enum Satisfaction
{
    /// <summary>满意.</summary>
    Satisfied = 1,

    /// <summary>基本满意.</summary>
    FairlySatisfied = 2,

    /// <summary>不满意.</summary>
    Dissatisfied = 3,
}

/// <summary>A visit (走访) to an enterprise.</summary>
/// <param name="Id">A stable key (e.g. JY-2023-0001).</param>
/// <param name="On">Date of the visit.</param>
/// <param name="Visitors">Who went (names or the cadre team).</param>
/// <param name="Enterprise">The enterprise visited.</param>
/// <param name="Region">The region whose desk made the visit (for rights and statistics).</param>
/// <param name="Notes">走访记录.</param>
public sealed record Visit(string Id, DateOnly On, string Visitors, UnifiedSocialCreditCode Enterprise, RegionCode Region, string Notes = "");

/// <summary>
/// An enterprise request or problem (诉求/问题) and its handling: 受理 → 办理中 → 已解决 or 无法解决.
/// </summary>
/// <remarks>
/// <para>Closing as 已解决 needs a resolution text; as 无法解决 a reason. Dates must not go backwards, and a request
/// cannot be closed before it was raised. Satisfaction can only be recorded once closed. Overdue: still open after
/// the deadline (the deadline day itself is on time), or closed after it.</para>
/// </remarks>
public sealed class EnterpriseRequest
{
    public EnterpriseRequest(string id, UnifiedSocialCreditCode enterprise, RegionCode region, RequestCategory category, string department, DateOnly raisedOn, DateOnly deadline)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(department);
        if (deadline < raisedOn)
        {
            throw new DomainRuleException(new Bilingual(
                $"办理期限{D(deadline)}早于受理日期{D(raisedOn)}", $"the deadline {D(deadline)} is before the date raised {D(raisedOn)}"));
        }

        Id = RecordCode.Canonical(id);
        Enterprise = enterprise;
        Region = region;
        Category = category;
        Department = department.Trim();
        RaisedOn = raisedOn;
        Deadline = deadline;
    }

    public string Id { get; }

    public UnifiedSocialCreditCode Enterprise { get; }

    public RegionCode Region { get; }

    public RequestCategory Category { get; }

    /// <summary>责任单位 (the department handling it).</summary>
    public string Department { get; }

    public DateOnly RaisedOn { get; }

    /// <summary>办理期限 (inclusive).</summary>
    public DateOnly Deadline { get; }

    /// <summary>The visit the request was raised on, if any.</summary>
    public string? VisitId { get; init; }

    /// <summary>诉求内容.</summary>
    public string Description { get; init; } = string.Empty;

    public RequestStatus Status { get; private set; } = RequestStatus.Accepted;

    /// <summary>Date 办理中 began, if recorded.</summary>
    public DateOnly? StartedOn { get; private set; }

    /// <summary>Date closed (已解决/无法解决).</summary>
    public DateOnly? ClosedOn { get; private set; }

    /// <summary>办理结果 (for 已解决) or the reason (for 无法解决).</summary>
    public string? Resolution { get; private set; }

    public Satisfaction? Satisfaction { get; private set; }

    public bool IsClosed => Status is RequestStatus.Resolved or RequestStatus.Unresolvable;

    /// <summary>Days from raised to closed (已解决 only), else null.</summary>
    public int? DaysToResolve => Status == RequestStatus.Resolved ? ClosedOn!.Value.DayNumber - RaisedOn.DayNumber : null;

    /// <summary>Open after the deadline as of <paramref name="today"/>, or closed after the deadline.</summary>
    public bool IsOverdue(DateOnly today) => ClosedOn is { } c ? c > Deadline : today > Deadline;

    /// <summary>受理 → 办理中.</summary>
    public ParseResult<RequestStatus> TryStart(DateOnly on)
    {
        if (Status != RequestStatus.Accepted)
        {
            return ParseResult<RequestStatus>.Fail($"诉求“{Id}”已{ServiceText.Name(Status)},不能转为办理中", $"request '{Id}' is {Status}; it cannot move to in progress");
        }

        if (on < RaisedOn)
        {
            return ParseResult<RequestStatus>.Fail($"办理日期{D(on)}早于受理日期{D(RaisedOn)}", $"the start date {D(on)} is before the date raised {D(RaisedOn)}");
        }

        StartedOn = on;
        Status = RequestStatus.InProgress;
        return ParseResult<RequestStatus>.Ok(Status);
    }

    /// <summary>Closes as 已解决 (resolution required) or 无法解决 (reason required).</summary>
    public ParseResult<RequestStatus> TryClose(RequestStatus outcome, DateOnly on, string? resolution)
    {
        if (outcome is not (RequestStatus.Resolved or RequestStatus.Unresolvable))
        {
            throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "只能以已解决或无法解决办结 / close as resolved or unresolvable");
        }

        if (IsClosed)
        {
            return ParseResult<RequestStatus>.Fail($"诉求“{Id}”已办结({ServiceText.Name(Status)})", $"request '{Id}' is already closed ({Status})");
        }

        if (string.IsNullOrWhiteSpace(resolution))
        {
            return outcome == RequestStatus.Resolved
                ? ParseResult<RequestStatus>.Fail($"诉求“{Id}”办结为已解决须填写办理结果", $"request '{Id}' cannot be closed as resolved without a resolution")
                : ParseResult<RequestStatus>.Fail($"诉求“{Id}”办结为无法解决须说明原因", $"request '{Id}' cannot be closed as unresolvable without a reason");
        }

        var since = StartedOn ?? RaisedOn;
        if (on < since)
        {
            return ParseResult<RequestStatus>.Fail($"办结日期{D(on)}早于{D(since)}", $"the closing date {D(on)} is before {D(since)}");
        }

        ClosedOn = on;
        Resolution = resolution.Trim();
        Status = outcome;
        return ParseResult<RequestStatus>.Ok(Status);
    }

    /// <summary>Records the enterprise's satisfaction; only for a closed request.</summary>
    public ParseResult<Satisfaction> TryRate(Satisfaction satisfaction)
    {
        if (!IsClosed)
        {
            return ParseResult<Satisfaction>.Fail($"诉求“{Id}”尚未办结,不能评价满意度", $"request '{Id}' is not closed; satisfaction cannot be recorded yet");
        }

        Satisfaction = satisfaction;
        return ParseResult<Satisfaction>.Ok(satisfaction);
    }

    /// <summary>Rebuilds a request from recorded fields (import or storage), applying every rule above.</summary>
    public static ParseResult<EnterpriseRequest> Restore(EnterpriseRequest fresh, RequestStatus status, DateOnly? startedOn, DateOnly? closedOn, string? resolution, Satisfaction? satisfaction)
    {
        ArgumentNullException.ThrowIfNull(fresh);
        if (startedOn is { } s || status == RequestStatus.InProgress)
        {
            var r = fresh.TryStart(startedOn ?? fresh.RaisedOn);
            if (r.Error is { } e)
            {
                return ParseResult<EnterpriseRequest>.Fail(e);
            }
        }

        if (status is RequestStatus.Resolved or RequestStatus.Unresolvable)
        {
            if (closedOn is null)
            {
                return ParseResult<EnterpriseRequest>.Fail("已办结的诉求须填写办结日期", "a closed request needs its closing date");
            }

            var r = fresh.TryClose(status, closedOn.Value, resolution);
            if (r.Error is { } e)
            {
                return ParseResult<EnterpriseRequest>.Fail(e);
            }
        }
        else if (closedOn is not null)
        {
            return ParseResult<EnterpriseRequest>.Fail("未办结的诉求不能有办结日期", "an open request cannot have a closing date");
        }

        if (satisfaction is { } sat)
        {
            var r = fresh.TryRate(sat);
            if (r.Error is { } e)
            {
                return ParseResult<EnterpriseRequest>.Fail(e);
            }
        }

        return ParseResult<EnterpriseRequest>.Ok(fresh);
    }

    private static string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
