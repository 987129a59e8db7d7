using System.Globalization;
using Baiqiang.Core.Access;
using Baiqiang.Core.Text;
using Baiqiang.Web.Auth;

namespace Baiqiang.Web.Shared;

/// <summary>
/// A size cap and a time budget for requests that parse an uploaded file, by role: a user who may write (editor,
/// administrator) sends up to <see cref="Imports.ImportLimits.MaxUploadBytes"/> and gets 30 s; a read-only user
/// (validating only) up to 4 MB and 5 s. Over the size → 413; over the time → 422; both with the reason in both
/// languages. Configuration <c>Baiqiang:ParseBudget:WriterSeconds</c>, <c>ReaderSeconds</c>, <c>ReaderMaxBytes</c>.
/// </summary>
/// <remarks>The deadline is a cancellation token handed to the endpoint in place of the request's own; the readers
/// check it between rows, and a write it stops is rolled back whole.</remarks>
public static class ParseBudget
{
    public const long DefaultReaderMaxBytes = 4L * 1024 * 1024;

    public static RouteHandlerBuilder WithParseBudget(this RouteHandlerBuilder endpoint) => endpoint.AddEndpointFilter(async (ctx, next) =>
    {
        var http = ctx.HttpContext;
        var (writer, seconds, _) = Limits(http);
        if (TooLarge(http) is { } tooLarge)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, tooLarge);
        }

        using var deadline = Deadline(http, seconds);
        for (var i = 0; i < ctx.Arguments.Count; i++)
        {
            if (ctx.Arguments[i] is CancellationToken)
            {
                ctx.Arguments[i] = deadline.Token;
            }
        }

        try
        {
            return await next(ctx);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !http.RequestAborted.IsCancellationRequested)
        {
            return Problem(StatusCodes.Status422UnprocessableEntity, TooSlow(seconds, writer));
        }
    });

    /// <summary>The budget of this request's user: whether they may write, the seconds allowed, the read-only size cap.</summary>
    internal static (bool Writer, double Seconds, long ReaderMaxBytes) Limits(HttpContext http)
    {
        var config = http.RequestServices.GetRequiredService<IConfiguration>();
        var actor = http.User.ToActor();
        var writer = actor.IsAdmin || actor.Roles.HasFlag(Role.Editor);
        var seconds = writer ? config.GetValue("Baiqiang:ParseBudget:WriterSeconds", 30.0) : config.GetValue("Baiqiang:ParseBudget:ReaderSeconds", 5.0);

        // A writer's uploads are capped by each endpoint's own check (ImportLimits, 422 naming the limit).
        return (writer, seconds, config.GetValue("Baiqiang:ParseBudget:ReaderMaxBytes", DefaultReaderMaxBytes));
    }

    /// <summary>Why a read-only user's upload is refused for its size (413), or null.</summary>
    internal static Bilingual? TooLarge(HttpContext http)
    {
        var (writer, _, maxBytes) = Limits(http);
        var length = http.Request.HasFormContentType ? http.Request.Form.Files.Sum(f => f.Length) : http.Request.ContentLength ?? 0;
        return writer || length <= maxBytes
            ? null
            : new Bilingual(
                $"文件过大({Mb(length)}),只读用户上限{Mb(maxBytes)};导入较大的文件请联系编辑人员",
                $"file too large ({Mb(length)}); a read-only user's limit is {Mb(maxBytes)}; ask an editor to import larger files");
    }

    /// <summary>The request's deadline: cancelled when the request is, or after <paramref name="seconds"/>. A budget of 0 s (or
    /// less) is spent before the work starts, so it is cancelled now: a timer of 0 ms fires later, on another thread, and
    /// quick work used to finish before it (a test flaked on exactly that).</summary>
    internal static CancellationTokenSource Deadline(HttpContext http, double seconds)
    {
        var deadline = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        if (seconds <= 0)
        {
            deadline.Cancel();
        }
        else
        {
            deadline.CancelAfter(TimeSpan.FromSeconds(seconds));
        }

        return deadline;
    }

    /// <summary>Why the work was stopped at the deadline (422).</summary>
    internal static Bilingual TooSlow(double seconds, bool writer)
    {
        var s = seconds.ToString("0.#", CultureInfo.InvariantCulture);
        return new Bilingual(
            $"处理该文件超过了{s}秒的时限,未写入任何数据;请拆分文件{(writer ? string.Empty : "或请编辑人员导入")}",
            $"checking this file took longer than the {s} s budget; nothing was stored; split the file{(writer ? string.Empty : " or ask an editor to import it")}");
    }

    private static ProblemHttpResult Problem(int status, Bilingual reason) => TypedResults.Problem(statusCode: status, title: reason.ToString());

    private static string Mb(long bytes) => (bytes / 1024.0 / 1024.0).ToString("0.#", CultureInfo.InvariantCulture) + " MB";
}
