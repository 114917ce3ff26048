using Platform.AppHost;
using Platform.AppHost.Hosting;

var builder = DistributedApplication.CreateBuilder(args);
Suite.Define(builder);
return await builder.Build().RunAsync(afterStart: args.Contains("--no-demo") ? null : DemoData.LoadAsync);
