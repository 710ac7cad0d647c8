using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Debate.Web.Features.Errors;

/// <summary>The page people see for any failed request; never a stack trace.</summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = "Something went wrong";
    public string Explanation { get; private set; } = "The server could not complete this request. Please try again in a moment.";
    public string? RequestId { get; private set; }

    public void OnGet([FromQuery] int? code) => Describe(code);

    // From the query only: a re-executed POST still carries its form, which may be the oversized body being refused.
    public void OnPost([FromQuery] int? code) => Describe(code);

    private void Describe(int? code)
    {
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        // After an exception the handler has already chosen the status (503 while the database is down).
        code ??= HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalStatusCode;
        code ??= HttpContext.Features.Get<IExceptionHandlerFeature>() is not null && Response.StatusCode >= 400 ? Response.StatusCode : null;
        (Title, Explanation) = code switch
        {
            404 => ("Page not found", "There is nothing at this address. The thread or post may have moved."),
            403 => ("Not allowed", "Your account does not have the role this page needs."),
            413 => ("Too large", "The upload is larger than this page accepts. Import large exports with the command line (debate import)."),
            429 => ("Too many requests", "You are writing faster than we accept. Wait a minute, then try again; what you typed is still in your browser."),
            503 => ("Temporarily unavailable", "The database is not answering. Try again in a few seconds."),
            >= 400 and < 500 => ("Request not accepted", "The request was not valid."),
            _ => (Title, Explanation),
        };
        if (code is int status)
            Response.StatusCode = status;
    }
}
