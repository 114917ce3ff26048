using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Platform.Workforce.Benchmarks;

// dotnet run -c Release --project bench/Workforce.Benchmarks
// In-process, as bench/Planning.Benchmarks: no nested build of a generated project.
var config = DefaultConfig.Instance.AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
BenchmarkRunner.Run([typeof(RotationBenchmarks), typeof(TrainingBenchmarks)], config, args);
