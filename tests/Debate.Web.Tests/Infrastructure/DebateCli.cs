using System.Diagnostics;

namespace Debate.Web.Tests.Infrastructure;

/// <summary>What a run of the `debate` command printed and how it ended.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error);

/// <summary>Runs the built `debate` command on a database, as an operator would from a shell.</summary>
public static class DebateCli
{
    public static async Task<CliRun> RunAsync(string connectionString, string standardInput, params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "debate.dll"));
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.Environment["ConnectionStrings__Debate"] = connectionString;
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(standardInput);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new CliRun(process.ExitCode, await output, await error);
    }
}
