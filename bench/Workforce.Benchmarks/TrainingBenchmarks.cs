using BenchmarkDotNet.Attributes;
using Platform.Contracts;
using Platform.Workforce.Training;

namespace Platform.Workforce.Benchmarks;

/// <summary>
/// Training status for 20,000 teachers, fixed by its seed: hired 1990-2026 (some in their first year, judged on the
/// new-teacher hours), 0-30 records each since 2021 of 4 to 48 hours, judged against the national cycle (360 hours per
/// 5 years) and an annual rule (东丽's 96 hours), periods that ended short included, as GET /training/status does after
/// loading.
/// </summary>
[MemoryDiagnoser]
public class TrainingBenchmarks
{
    private static readonly DateOnly On = new(2026, 9, 1);
    private static readonly TrainingRule[] Rules = [TrainingRule.NationalCycle, new(RuleKind.Annual, 96)];
    private (DateOnly? HiredOn, TrainingHours[] Records)[] teachers = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20_000);
        teachers = Enumerable.Range(0, 20_000).Select(_ => (
            (DateOnly?)On.AddDays(-random.Next(36 * 365)),
            Enumerable.Range(0, random.Next(31))
                .Select(_ => new TrainingHours(new DateOnly(2021, 1, 1).AddDays(random.Next(2070)), 4 + random.Next(45))).ToArray()))
            .ToArray();
    }

    [Benchmark(Description = "Training status, 20,000 teachers, two rules (360 h per 5 years, 96 h a year)")]
    public int Status()
    {
        var behind = 0;
        foreach (var (hiredOn, records) in teachers)
            if (TrainingLedger.Overall(TrainingLedger.Evaluate(Rules, hiredOn, records, On)) >= TrainingStatus.Behind)
                behind++;
        return behind;
    }
}
