using System.CommandLine;
using Debate.Cli.Commands;

var root = new RootCommand("debate: import, export and rebuild Debate threads")
{
    ImportCommand.Create(),
    ExportCommand.Create(),
    SeedCommand.Create(),
    ReconstructCommand.Create(),
    RebuildCommand.Create(),
    UsersCommand.Create(),
    BenchImportFileCommand.Create(),
    BenchDataCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
