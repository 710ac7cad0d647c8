using System.CommandLine;
using Debate.Core.Reconstruction;

namespace Debate.Cli.Commands;

internal static class ReconstructCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "a scraped comment page, one paragraph per line" };
        var command = new Command("reconstruct", "Print the thread proposed for a scraped page as debate-reconstruction/1 JSON (no database needed)") { file };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            string text;
            try
            {
                text = File.ReadAllText(path.FullName);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"{path.Name}: {e.Message}");
                return 1;
            }
            Console.WriteLine(ReconstructionJson.Write(PageReconstructor.Reconstruct(text)));
            return 0;
        });
        return command;
    }
}
