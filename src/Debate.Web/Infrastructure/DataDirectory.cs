namespace Debate.Web.Infrastructure;

internal static class DataDirectory
{
    /// <summary>
    /// The private cluster's folder: LocalPostgres:DataDirectory when set, else .data/postgres in the repository
    /// (found from the working folder upwards by Debate.sln), else beside the app.
    /// </summary>
    public static string ForLocalPostgres(IConfiguration configuration, IWebHostEnvironment environment)
    {
        var configured = configuration["LocalPostgres:DataDirectory"];
        if (!string.IsNullOrWhiteSpace(configured))
            return Path.GetFullPath(configured);
        foreach (var start in new[] { Directory.GetCurrentDirectory(), environment.ContentRootPath, AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "Debate.sln")))
                    return Path.Combine(folder.FullName, ".data", "postgres");
            }
        }
        return Path.Combine(environment.ContentRootPath, ".data", "postgres");
    }
}
