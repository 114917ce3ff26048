using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Demo;

// A one-shot resource of the AppHost: loads the demo data set through the gateway into an empty registry, then ends.
var builder = Host.CreateApplicationBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddHttpClient("gateway", http => http.BaseAddress = new Uri("http://gateway")); // service discovery
using var host = builder.Build();
await host.StartAsync();
var gateway = host.Services.GetRequiredService<IHttpClientFactory>().CreateClient("gateway");
// Loaded as the city bureau's all-round demo user, through the same APIs and checks as any user.
await DemoUsers.SignInAsync(gateway, "bureau", builder.Configuration["Auth:DemoPassword"]!);
await DemoData.LoadAsync(gateway, host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Platform.Demo"), CancellationToken.None);
await host.StopAsync();
