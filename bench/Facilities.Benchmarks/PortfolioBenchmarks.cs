using BenchmarkDotNet.Attributes;
using Platform.Contracts;
using Platform.Facilities.Schedule;
using Platform.Facilities.Stages;

namespace Platform.Facilities.Benchmarks;

/// <summary>
/// 1,000 government-path projects with all 15 milestones each, fixed by the seed: spread over 16 districts and four
/// stages, at every point of their path, a third of them running late.
/// </summary>
[MemoryDiagnoser]
public class PortfolioBenchmarks
{
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly string[] Stages = ["kindergarten", "primary", "junior_secondary", "senior_secondary"];
    private PortfolioProject[] projects = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1_000);
        var gates = Paths.Gates[DeliveryPath.Government];
        projects = Enumerable.Range(0, 1000).Select(i =>
        {
            var start = Today.AddDays(-random.Next(1500));
            var passed = random.Next(gates.Count);
            var late = random.Next(3) == 0 ? random.Next(30, 200) : 0;
            var milestones = gates.Select((gate, g) =>
            {
                var planned = start.AddDays(g * 90);
                return new Milestone(gate.Code, planned, planned, g < passed ? planned.AddDays(late) : null);
            }).ToList();
            return new PortfolioProject(Guid.NewGuid(), $"1201{1 + i % 16:00}", DeliveryPath.Government, milestones,
                new Dictionary<string, int> { [Stages[i % 4]] = 200 + random.Next(1500) });
        }).ToArray();
        var milestones = projects.Sum(p => p.Milestones.Count);
        var rows = PortfolioRules.Arriving(projects, Today).Count;
        Console.WriteLine($"// {projects.Length} projects, {milestones} milestones, {rows} portfolio rows");
    }

    [Benchmark(Description = "Portfolio: places arriving per year by district, stage and status, planned and forecast, " +
        "1,000 projects × 15 milestones")]
    public IReadOnlyList<PlacesArriving> Portfolio() => PortfolioRules.Arriving(projects, Today);
}
