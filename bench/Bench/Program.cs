using Platform.Bench;

// dotnet run -c Release --project bench/Bench -- [command] [--write docs/benchmarks.md] [--runs N] [--events N] [--rate N] [--requests N]
// [--seconds N]
// Commands: engines, cold-start, event-latency, event-throughput, planning-api, gateway-load, dashboard, memory, or all (the default).
var command = args.FirstOrDefault(a => !a.StartsWith("--")) ?? "all";
int Option(string name, int fallback) =>
    args.SkipWhile(a => a != $"--{name}").Skip(1).FirstOrDefault() is { } value && int.TryParse(value, out var number) ? number : fallback;
var write = args.SkipWhile(a => a != "--write").Skip(1).FirstOrDefault();
var repository = Repository.Root();
var log = Path.Combine(AppContext.BaseDirectory, "bench.log");

var benches = new (string Name, Func<Task<IReadOnlyList<Section>>> Run)[]
{
    ("engines", () => Engines.RunAsync(repository, log)),
    ("cold-start", async () => [await ColdStart.RunAsync(Option("runs", 3))]),
    ("event-latency", async () => Option("rate", -1) is var rate and >= 0
        ? [await EventLatency.RunAsync(Option("events", 1000), rate)]
        : [await EventLatency.RunAsync(Option("events", 1000), 50), await EventLatency.RunAsync(Option("events", 1000), 0)]),
    ("event-throughput", async () => [await EventThroughput.RunAsync(Option("events", 10_000))]),
    ("planning-api", async () => [await PlanningApi.RunAsync(Option("requests", 50))]),
    ("gateway-load", async () => [await GatewayLoad.RunAsync(Option("seconds", 10))]),
    ("dashboard", async () => [await Dashboard.RunAsync(Option("runs", 20))]),
    ("memory", async () => [await Memory.RunAsync(Option("requests", 4000))]),
};
if (command != "all" && benches.All(b => b.Name != command))
{
    Console.Error.WriteLine($"Unknown command {command}: use one of {string.Join(", ", benches.Select(b => b.Name))} or all.");
    return 2;
}

var machine = Machine.Describe();
Console.WriteLine($"Machine: {machine}");
var sections = new List<Section>();
foreach (var (name, run) in benches.Where(b => command == "all" || b.Name == command))
{
    Console.WriteLine($"Running {name}… (child output: {log})");
    foreach (var section in await run())
    {
        Console.WriteLine(section);
        sections.Add(section);
    }
}
if (write is not null)
{
    await File.WriteAllTextAsync(Path.Combine(repository, write), Report.Document(machine, command, sections));
    Console.WriteLine($"Wrote {write}.");
}
return 0;
