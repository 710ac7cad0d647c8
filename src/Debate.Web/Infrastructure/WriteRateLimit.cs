using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Debate.Web.Infrastructure;

/// <summary>Configuration section "RateLimits".</summary>
internal sealed class RateLimitSettings
{
    /// <summary>Writes (POST, PUT, PATCH, DELETE) one user, or one address when signed out, may make in a minute.</summary>
    public int WritesPerMinute { get; set; } = 30;
}

/// <summary>Limits writes per user (per IP address when anonymous); a refused write gets 429 and the error page.</summary>
internal static class WriteRateLimit
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private const int Segments = 6;

    public static IServiceCollection AddWriteRateLimit(this IServiceCollection services)
    {
        services.AddOptions<RateLimitSettings>().BindConfiguration("RateLimits")
            .Validate(settings => settings.WritesPerMinute > 0, "RateLimits:WritesPerMinute must be at least 1.")
            .ValidateOnStart();
        services.AddRateLimiter(_ => { });
        // Configured from the built host, so the limit a test host sets is the one used.
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitSettings>>((options, settings) =>
        {
            var limit = settings.Value.WritesPerMinute;
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                // A sliding window frees permits segment by segment, and its refusals carry no retry time of their own.
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var metadata) ? metadata : Window / Segments;
                context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => IsWrite(context)
                ? RateLimitPartition.GetSlidingWindowLimiter(Writer(context), _ => new SlidingWindowRateLimiterOptions
                {
                    PermitLimit = limit,
                    Window = Window,
                    SegmentsPerWindow = Segments,
                    QueueLimit = 0,
                })
                : RateLimitPartition.GetNoLimiter(""));
        });
        return services;
    }

    public static IApplicationBuilder UseWriteRateLimit(this IApplicationBuilder app) => app.UseRateLimiter();

    private static bool IsWrite(HttpContext context) =>
        !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
            || HttpMethods.IsOptions(context.Request.Method) || HttpMethods.IsTrace(context.Request.Method))
        // The error page re-runs a refused POST as a POST; counting it again would refuse the page that explains the refusal.
        && context.Features.Get<IStatusCodeReExecuteFeature>() is null
        && context.Features.Get<IExceptionHandlerFeature>() is null;

    private static string Writer(HttpContext context) =>
        context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId
            ? "user:" + userId
            : "ip:" + context.Connection.RemoteIpAddress;
}
