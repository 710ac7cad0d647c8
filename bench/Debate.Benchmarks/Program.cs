using BenchmarkDotNet.Running;

// `search ...` runs the search benchmark's timed harness (it needs a database); anything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "search")
    return await SearchTiming.RunAsync(args);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
