using Platform.AppHost;
using Platform.AppHost.Resources;

// Switches (--reset, --no-demo) are the suite's; settings (Name=value) go to Aspire's configuration.
var builder = DistributedApplication.CreateBuilder(
    args.Where(arg => !arg.StartsWith("--", StringComparison.Ordinal) || arg.Contains('=')).ToArray());
try
{
    Suite.Define(builder, new SuiteSettings(builder.Configuration, args, builder.AppHostDirectory));
}
catch (SetupException cannotRun)
{
    Console.Error.WriteLine(cannotRun.Message);
    return 1;
}
await builder.Build().RunAsync();
return 0;
