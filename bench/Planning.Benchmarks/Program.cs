using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Platform.Planning.Benchmarks;

// dotnet run -c Release --project bench/Planning.Benchmarks
// In-process: no nested build of a generated project, which this machine's partial package mirror may not allow.
var config = DefaultConfig.Instance.AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
BenchmarkRunner.Run<ForecastBenchmarks>(config, args);
