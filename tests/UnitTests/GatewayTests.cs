using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Gateway;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.ServiceDiscovery;

namespace Platform.UnitTests;

public class GatewayServiceDiscoveryTests
{
    [Fact]
    public async Task A_destination_named_by_its_service_goes_to_the_address_the_apphost_gives()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:gatewaydb"] = "Host=127.0.0.1;Database=gatewaydb",
            ["Auth:SigningKey"] = Convert.ToBase64String(new byte[32]),
            ["services:planning:http:0"] = "http://127.0.0.1:8081",
        });
        builder.AddServiceDefaults();
        builder.AddGatewayServices();
        await using var app = builder.Build();

        var resolved = await app.Services.GetRequiredService<IDestinationResolver>().ResolveDestinationsAsync(
            new Dictionary<string, DestinationConfig> { ["primary"] = new() { Address = "http://planning" } }, CancellationToken.None);

        Assert.Equal("http://127.0.0.1:8081/", Assert.Single(resolved.Destinations).Value.Address);
    }
}
