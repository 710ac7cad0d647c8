namespace Debate.Core.Postgres;

public static class DataDirectory
{
    /// <summary>
    /// The private cluster's folder: the configured one when set, else .data/postgres in the repository
    /// (found from the given folders upwards by Debate.sln), else .data/postgres in the first folder.
    /// </summary>
    public static string ForLocalPostgres(string? configured, params string[] startFolders)
    {
        ArgumentNullException.ThrowIfNull(startFolders);
        if (!string.IsNullOrWhiteSpace(configured))
            return Path.GetFullPath(configured);
        foreach (var start in startFolders)
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "Debate.sln")))
                    return Path.Combine(folder.FullName, ".data", "postgres");
            }
        }
        return Path.Combine(startFolders.FirstOrDefault() ?? Directory.GetCurrentDirectory(), ".data", "postgres");
    }
}
