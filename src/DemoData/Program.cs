using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Demo;

// A one-shot resource of the AppHost: loads the demo data set through the gateway into an empty registry, then ends.
var builder = Host.CreateApplicationBuilder(args);
builder.AddServiceDefaults();
using var host = builder.Build();
var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Platform.Demo");
var address = builder.Configuration["services:gateway:http:0"]
    ?? throw new InvalidOperationException("services__gateway__http__0 is not set: run the demo loader from the AppHost.");
using var gateway = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(2) };
await host.StartAsync();
// Loaded as the city bureau's all-round demo user, through the same APIs and checks as any user.
await DemoUsers.SignInAsync(gateway, "bureau", builder.Configuration["Auth:DemoPassword"]!);
await DemoData.LoadAsync(gateway, logger, CancellationToken.None);
await host.StopAsync();
