using System.Diagnostics;

namespace Debate.Core.Postgres;

internal sealed record ProcessResult(int ExitCode, string Output)
{
    public bool Succeeded => ExitCode == 0;
}

internal static class ProcessRunner
{
    /// <summary>Runs a program to completion, optionally as another user (PostgreSQL refuses to run as root).</summary>
    public static async Task<ProcessResult> RunAsync(string fileName, IEnumerable<string> arguments, string? asUser = null, CancellationToken cancellationToken = default)
    {
        var info = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        if (asUser is null)
        {
            info.FileName = fileName;
        }
        else
        {
            info.FileName = "runuser";
            foreach (var part in new[] { "-u", asUser, "--", fileName })
                info.ArgumentList.Add(part);
        }
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        info.Environment["LC_ALL"] = "C.UTF-8";
        info.Environment["DEBIAN_FRONTEND"] = "noninteractive";

        try
        {
            using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {fileName}");
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            return new ProcessResult(process.ExitCode, (await stdout) + (await stderr));
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return new ProcessResult(127, e.Message);
        }
    }
}
