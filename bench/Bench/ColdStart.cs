using System.Diagnostics;

namespace Platform.Bench;

/// <summary>
/// From nothing running to every resource healthy: initdb, both servers, three services, the UI and the gateway. The
/// processor time spent meanwhile, by program, says where a cold start goes on a small machine.
/// </summary>
public static class ColdStart
{
    public static async Task<Section> RunAsync(int runs)
    {
        var seconds = new List<double>();
        var spent = new Dictionary<string, double>();
        for (var run = 1; run <= runs; run++)
        {
            var before = ProcessorTime.Snapshot();
            var clock = Stopwatch.StartNew();
            await using var app = await BenchSuite.StartAsync();
            seconds.Add(clock.Elapsed.TotalSeconds);
            spent = ProcessorTime.Since(before);
            Console.WriteLine($"cold start {run}/{runs}: all healthy in {clock.Elapsed.TotalSeconds:0.00} s");
        }
        seconds.Sort();
        var total = spent.Values.Sum();
        return new Section("Cold start", $"""
            `bench/Bench cold-start`: the whole suite started by the AppHost from nothing (initdb, PostgreSQL with four databases,
            RabbitMQ, three services, the UI and the gateway) until every resource reports healthy, after the first build.

            {Section.Table(["what", "goal", "measured"], [[$"cold start to all healthy, {runs} runs", "≤ 20 s",
                $"min {seconds[0]:0.0} s, median {Machine.Percentile(seconds, 50):0.0} s, max {seconds[^1]:0.0} s"]])}
            The machine's processor time during the last start, by program ({total:0} s of processor time on
            {Environment.ProcessorCount} cores; a start cannot take less than this divided by the cores):

            {Section.Table(["program", "processor time"], spent.OrderByDescending(p => p.Value)
                .Select(p => new[] { p.Key, $"{p.Value:0.0} s" }))}
            """);
    }
}

/// <summary>Processor time (user and system) of every process, read from /proc, grouped by what the process runs.</summary>
public static class ProcessorTime
{
    private const double TicksPerSecond = 100; // USER_HZ, 100 on Linux
    private const string Exited = "processes that ended before the suite was healthy (initdb, start scripts, …)";

    public sealed record Sample(Dictionary<int, (string Program, double Seconds)> Processes, double Machine);

    public static Sample Snapshot()
    {
        var processes = new Dictionary<int, (string, double)>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
            if (int.TryParse(Path.GetFileName(folder), out var pid) && Read(pid) is { } process)
                processes[pid] = process;
        // The machine's busy time: user, nice, system, irq and softirq of the "cpu" line.
        var busy = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Skip(1).Take(7).Select(double.Parse).Where((_, i) => i is not (3 or 4)).Sum();
        return new Sample(processes, busy / TicksPerSecond);
    }

    /// <summary>What each program spent since <paramref name="before"/>; processes gone meanwhile as one line.</summary>
    public static Dictionary<string, double> Since(Sample before)
    {
        var now = Snapshot();
        var byProgram = now.Processes
            .Select(p => (p.Value.Program, Seconds: p.Value.Seconds -
                (before.Processes.TryGetValue(p.Key, out var earlier) && earlier.Program == p.Value.Program ? earlier.Seconds : 0)))
            .GroupBy(p => p.Program, p => p.Seconds)
            .Select(g => (Program: g.Key, Seconds: g.Sum()))
            .Where(p => p.Seconds >= 0.5)
            .ToDictionary(p => p.Program, p => p.Seconds);
        var gone = now.Machine - before.Machine - byProgram.Values.Sum();
        if (gone >= 0.5)
            byProgram[Exited] = gone;
        return byProgram;
    }

    private static (string Program, double Seconds)? Read(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var seconds = (double.Parse(fields[11]) + double.Parse(fields[12])) / TicksPerSecond;
            return (Describe(pid, stat[(stat.IndexOf('(') + 1)..stat.LastIndexOf(')')]), seconds);
        }
        catch (IOException)
        {
            return null; // ended while being read
        }
    }

    private static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline");
        }
        catch (IOException)
        {
            return "";
        }
    }

    private static string Describe(int pid, string name) => name switch
    {
        "dotnet" when Environment.ProcessId == pid => "the AppHost (in the bench's own process)",
        "Bench" => "the AppHost (in the bench's own process)",
        "dotnet" when CommandLine(pid).Contains("\0run\0") =>
            "`dotnet run`, one per project (Aspire starts projects through it)",
        "dotnet" => "other .NET processes (build servers, tools)",
        "beam.smp" or "epmd" or "erl_child_setup" or "inet_gethost" => "RabbitMQ (Erlang)",
        "postgres" => "PostgreSQL",
        "dcp" => "Aspire's orchestrator (dcp)",
        "Planning" or "Workforce" or "Facilities" => $"{name} service",
        "Gateway" or "Web" => name,
        _ => "everything else on the machine",
    };
}
