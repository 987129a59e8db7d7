using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Baiqiang.Web.Shared;

/// <summary>
/// <see cref="ParseBudget"/> for the Razor pages' upload forms (数据导入, 文档, 项目月报, 评价体系): a POST carrying a file
/// runs with the same size cap per role and the same deadline as the API. Over the size the page answers 413, past the
/// deadline 422, and either way the page itself shows the reason in both languages (the layout's <c>#budget-error</c>),
/// not an error page.
/// </summary>
public sealed class ParseBudgetPageFilter : IAsyncPageFilter
{
    /// <summary>The <c>ViewData</c> key the layout shows.</summary>
    public const string ErrorKey = "ParseBudgetError";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (!HttpMethods.IsPost(http.Request.Method) || !http.Request.HasFormContentType || http.Request.Form.Files.Count == 0
            || context.HandlerInstance is not PageModel page)
        {
            await next();
            return;
        }

        if (ParseBudget.TooLarge(http) is { } tooLarge)
        {
            context.Result = Refuse(page, StatusCodes.Status413PayloadTooLarge, tooLarge);
            return;
        }

        var (writer, seconds, _) = ParseBudget.Limits(http);
        using var deadline = ParseBudget.Deadline(http, seconds);
        foreach (var name in context.HandlerArguments.Where(a => a.Value is CancellationToken).Select(a => a.Key).ToList())
        {
            context.HandlerArguments[name] = deadline.Token;
        }

        var executed = await next();
        if (executed.Exception is OperationCanceledException && deadline.IsCancellationRequested && !http.RequestAborted.IsCancellationRequested)
        {
            executed.ExceptionHandled = true;
            executed.Result = Refuse(page, StatusCodes.Status422UnprocessableEntity, ParseBudget.TooSlow(seconds, writer));
        }
    }

    private static PageResult Refuse(PageModel page, int status, Core.Text.Bilingual reason)
    {
        page.HttpContext.Response.StatusCode = status;
        page.ViewData[ErrorKey] = reason;
        return new PageResult { StatusCode = status };
    }
}
