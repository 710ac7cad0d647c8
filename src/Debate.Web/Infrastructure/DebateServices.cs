using Debate.Core.Data;
using Debate.Core.Search;
using Debate.Web.Features.Benchmarks;
using Debate.Web.Features.Search;
using Debate.Web.Features.Threads;
using FluentValidation;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using Serilog;

namespace Debate.Web.Infrastructure;

internal static class DebateServices
{
    public const string ConnectionStringName = "Debate";

    public static WebApplicationBuilder AddDebate(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddDebateDatabase();
        services.AddSingleton<PostSearch>();
        services.AddDataProtection().SetApplicationName("Debate").PersistKeysToDbContext<DebateDbContext>();
        services.AddHealthChecks().AddNpgSql(provider => provider.GetRequiredService<NpgsqlDataSource>(), name: "postgresql");
        services.AddProblemDetails();
        services.AddRazorPages(options => options.RootDirectory = "/Features");
        // Forms are validated by each page's FluentValidation Validator; MVC's implicit [Required] would repeat it in other words.
        services.Configure<MvcOptions>(options =>
        {
            options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
            options.Filters.Add<RefuseOversizeRequests>();
        });
        services.AddValidatorsFromAssemblyContaining<Program>();
        services.AddScoped<Debate.Core.Posting.PostWriter>();
        services.AddDebateAccounts();
        services.AddSingleton<Features.Account.LoginThrottle>();
        services.AddThreadPageCache(builder.Configuration);
        services.AddTrustedProxies(builder.Configuration);
        services.AddSingleton<ThreadDocumentCache>();
        return builder;
    }

    public static WebApplication UseDebate(this WebApplication app)
    {
        app.UseTrustedProxies();
        app.UseSecurityHeaders();
        // People get an HTML page, programs RFC 7807 problem details; neither ever sees a stack trace.
        app.UseWhen(IsApi, api =>
        {
            api.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = DatabaseOutage.StatusCodeFor });
            api.UseStatusCodePages();
        });
        app.UseWhen(context => !IsApi(context), web =>
        {
            web.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/Error", StatusCodeSelector = DatabaseOutage.StatusCodeFor });
            web.UseStatusCodePagesWithReExecute("/Error", "?code={0}");
        });
        // The host's own logger, not the static one: each host (each test app) keeps its request log to itself.
        app.UseSerilogRequestLogging(options => options.Logger = app.Services.GetRequiredService<Serilog.ILogger>());
        app.UseAbandonedRequests(); // inside the request log, so it logs the 499 rather than the exception
        app.UseStaticFiles();
        app.UseRouting();
        app.UseReadRouting();
        app.UseDebateAccounts();
        app.UseOutputCache(); // after authentication: a signed-in reader's page is never cached
        app.MapHealthChecks("/healthz");
        app.MapRazorPages();
        app.MapThreadApi();
        app.MapSearchApi();
        app.MapBaselineThreadPage(); // only with Benchmarks:Baseline=true
        return app;
    }

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");
}
