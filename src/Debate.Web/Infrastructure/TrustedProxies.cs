using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Debate.Web.Infrastructure;

/// <summary>
/// Behind a proxy that terminates TLS, the app takes the client's address (X-Forwarded-For) and scheme
/// (X-Forwarded-Proto) from the proxies named in ForwardedHeaders:KnownProxies (addresses) or
/// ForwardedHeaders:KnownNetworks (CIDR ranges), one hop only, and from no one else. ASP.NET Core's own
/// ASPNETCORE_FORWARDEDHEADERS_ENABLED believes any client, which would let anyone choose the address that the login
/// throttle and the write limit count.
/// </summary>
internal static class TrustedProxies
{
    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = Split(configuration, "ForwardedHeaders:KnownProxies")
            .Select(value => IPAddress.TryParse(value, out var address) ? address
                : throw new InvalidOperationException($"ForwardedHeaders:KnownProxies: \"{value}\" is not an IP address.")).ToList();
        var networks = Split(configuration, "ForwardedHeaders:KnownNetworks")
            .Select(value => System.Net.IPNetwork.TryParse(value, out var network) ? network
                : throw new InvalidOperationException($"ForwardedHeaders:KnownNetworks: \"{value}\" is not a network such as 10.0.0.0/8.")).ToList();
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.ForwardLimit = 1;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            proxies.ForEach(options.KnownProxies.Add);
            networks.ForEach(options.KnownIPNetworks.Add);
        });
        return services;
    }

    /// <summary>First in the pipeline, and only when some proxy is named: with none, the headers are ignored.</summary>
    public static WebApplication UseTrustedProxies(this WebApplication app)
    {
        if (Split(app.Configuration, "ForwardedHeaders:KnownProxies").Length + Split(app.Configuration, "ForwardedHeaders:KnownNetworks").Length > 0)
            app.UseForwardedHeaders();
        return app;
    }

    private static string[] Split(IConfiguration configuration, string key) =>
        (configuration[key] ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
