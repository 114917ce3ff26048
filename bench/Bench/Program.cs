using Platform.Bench;

// dotnet run -c Release --project bench/Bench -- [cold-start|event-latency|planning-api|dashboard|memory|all] [--runs N] [--events N] [--rate N per second, 0 = as fast as possible] [--requests N]
var command = args.FirstOrDefault(a => !a.StartsWith("--")) ?? "all";
int Option(string name, int fallback) =>
    args.SkipWhile(a => a != $"--{name}").Skip(1).FirstOrDefault() is { } value && int.TryParse(value, out var number) ? number : fallback;

Console.WriteLine(Machine.Describe());
if (command is "cold-start" or "all")
    await ColdStart.RunAsync(Option("runs", 3));
if (command is "event-latency" or "all")
    await EventLatency.RunAsync(Option("events", 1000), Option("rate", 50));
if (command is "planning-api" or "all")
    await PlanningApi.RunAsync(Option("requests", 50));
if (command is "dashboard" or "all")
    await Dashboard.RunAsync(Option("runs", 20));
if (command is "memory" or "all")
    await Memory.RunAsync(Option("requests", 4000));
