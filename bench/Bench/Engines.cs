using System.Diagnostics;

namespace Platform.Bench;

/// <summary>
/// The engines' BenchmarkDotNet suites (bench/*.Benchmarks), each run as its own Release process; their GitHub
/// Markdown reports become sections of docs/benchmarks.md.
/// </summary>
public static class Engines
{
    private sealed record Suite(string Project, string Title, string Description);

    private static readonly Suite[] Suites =
    [
        new("Planning.Benchmarks", "Planning's forecast engine",
            "A synthetic city fixed by its seed (`SyntheticCity`: 16 districts, 128 zones, 2,000 schools of five kinds from 小班 to grade " +
            "12, enrolment 2006-2025, births 1995-2040); the benchmark refuses to run if the forecast has any warning, so it always " +
            "measures a full projection. Targets: forecast plus capacity analysis for the city, 15 years, **< 200 ms**; back-test of 6 " +
            "method settings over 10 years for the city **< 2 s**."),
        new("Workforce.Benchmarks", "Workforce's rotation planner and training status",
            "A synthetic pool fixed by its seed: 1,500 schools of strengths 1-5 in 150 zones and 30 groups, each with a staffing balance " +
            "in nine subjects; 20,000 teachers aged 23-59, 0-25 years at their school, 88% 在编, 15% backbone, 3% exempt; Tianjin's " +
            "default policy. Targets: rotation plan with every teacher's outcome explained **< 2 s**; training status for 20,000 " +
            "teachers **< 200 ms**."),
        new("Facilities.Benchmarks", "Facilities' portfolio",
            "1,000 government-path projects with all 15 milestones each, fixed by their seed: spread over 16 districts and four stages, " +
            "at every point of their path, a third of them late. Target: places arriving per year by district, stage and status, planned " +
            "and forecast, **< 100 ms**."),
    ];

    public static async Task<IReadOnlyList<Section>> RunAsync(string repository, string log)
    {
        var sections = new List<Section>();
        foreach (var suite in Suites)
        {
            var folder = Path.Combine(repository, "bench", suite.Project);
            var results = Path.Combine(folder, "BenchmarkDotNet.Artifacts", "results");
            if (Directory.Exists(results))
                Directory.Delete(results, recursive: true);
            var start = new ProcessStartInfo("dotnet", ["run", "-c", "Release", "--project", folder])
            {
                WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true,
            };
            using var run = Process.Start(start)!;
            // Both streams at once: a child blocked on a full stderr pipe would never finish its stdout.
            var (stdout, stderr) = (run.StandardOutput.ReadToEndAsync(), run.StandardError.ReadToEndAsync());
            var output = await stdout + await stderr;
            await run.WaitForExitAsync();
            await File.AppendAllTextAsync(log, output);
            var reports = Directory.Exists(results)
                ? Directory.GetFiles(results, "*-report-github.md").Order(StringComparer.Ordinal).ToList() : [];
            if (run.ExitCode != 0 || reports.Count == 0)
                throw new InvalidOperationException($"{suite.Project} failed (exit {run.ExitCode}); its output is in {log}.");
            var table = string.Join("\n\n",
                reports.Select(report => string.Join('\n', File.ReadLines(report).Where(line => line.StartsWith('|')))));
            sections.Add(new Section(suite.Title, $"""
                `dotnet run -c Release --project bench/{suite.Project}` (BenchmarkDotNet 0.14, in process, ShortRun: 3 iterations after 3
                warm-ups, so the error bars are wide on a shared machine). {suite.Description}

                {System.Net.WebUtility.HtmlDecode(table)}
                """));
        }
        return sections;
    }
}
