using Debate.Core.Accounts;
using Debate.Core.Model;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Debate.Web.Infrastructure;

/// <summary>Identity with cookie sign-in, the role policies, and the write rate limit.</summary>
internal static class AccountServices
{
    /// <summary>Moderators and admins: admin implies moderator.</summary>
    public const string ModeratorPolicy = "moderator";
    public const string LoginPath = "/account/login";

    public static IServiceCollection AddDebateAccounts(this IServiceCollection services)
    {
        services.AddIdentity<AppUser, IdentityRole>(AccountRules.Configure).AddDebateStores();
        services.AddScoped<UserAccounts>();
        // Role changes reach a signed-in user within a minute, and a changed password ends other sessions as quickly.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));
        // Configured from the built host, because test hosts set the environment after Program has run.
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme).Configure<IConfiguration, IHostEnvironment>((cookie, configuration, environment) =>
        {
            cookie.LoginPath = LoginPath;
            cookie.LogoutPath = "/account/logout";
            cookie.Cookie.Name = "debate-session";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = SecurePolicy(configuration, environment);
            cookie.ExpireTimeSpan = TimeSpan.FromDays(14);
            cookie.SlidingExpiration = true;
            // A signed-in user without the role gets a 403 page, not a redirect to a login they already did.
            cookie.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        services.AddOptions<AntiforgeryOptions>().Configure<IConfiguration, IHostEnvironment>((antiforgery, configuration, environment) =>
        {
            antiforgery.Cookie.Name = "debate-antiforgery";
            antiforgery.Cookie.SecurePolicy = SecurePolicy(configuration, environment);
        });
        services.AddAuthorizationBuilder().AddPolicy(ModeratorPolicy, policy => policy.RequireRole(AccountRoles.Moderators));
        services.Configure<RazorPagesOptions>(options => options.Conventions.AuthorizeFolder("/Moderation", ModeratorPolicy));
        services.AddWriteRateLimit();
        return services;
    }

    /// <summary>Between routing and the endpoints: who the user is, how fast they may write, what they may see.</summary>
    public static WebApplication UseDebateAccounts(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseWriteRateLimit();
        app.UseAuthorization();
        return app;
    }

    /// <summary>
    /// Cookies travel only over TLS (and forms refuse plain http), unless Accounts:CookieSecurePolicy says otherwise
    /// (SameAsRequest for a plain-http setup on localhost, as docker-compose.yml is); Development runs on plain http.
    /// </summary>
    private static CookieSecurePolicy SecurePolicy(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue<CookieSecurePolicy?>("Accounts:CookieSecurePolicy")
        ?? (environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always);
}
