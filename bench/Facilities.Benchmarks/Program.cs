using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Platform.Facilities.Benchmarks;

// dotnet run -c Release --project bench/Facilities.Benchmarks
// In-process, as bench/Planning.Benchmarks: no nested build of a generated project.
var config = DefaultConfig.Instance.AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
BenchmarkRunner.Run<PortfolioBenchmarks>(config, args);
