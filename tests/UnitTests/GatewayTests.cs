using Microsoft.Extensions.Configuration;
using Platform.Gateway;
using Yarp.ReverseProxy.Configuration;

namespace Platform.UnitTests;

public class ServiceAddressFilterTests
{
    private static readonly ServiceAddressFilter Filter = new(new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["services:planning:http:0"] = "http://127.0.0.1:8081" })
        .Build());

    [Fact]
    public void Resolves_a_service_name_from_the_aspire_variables() =>
        Assert.Equal("http://127.0.0.1:8081", Filter.Resolve("http://planning"));

    [Theory]
    [InlineData("http://10.0.0.5:9000")]
    [InlineData("https://planning.example.org")]
    public void Leaves_real_addresses_alone(string address) => Assert.Equal(address, Filter.Resolve(address));

    [Fact]
    public void Names_the_missing_variable()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Filter.Resolve("http://facilities"));
        Assert.Contains("services__facilities__http__0", error.Message);
    }

    [Fact]
    public async Task Rewrites_every_destination_of_a_cluster()
    {
        var cluster = new ClusterConfig
        {
            ClusterId = "planning",
            Destinations = new Dictionary<string, DestinationConfig> { ["primary"] = new() { Address = "http://planning" } },
        };
        var resolved = await Filter.ConfigureClusterAsync(cluster, CancellationToken.None);
        Assert.Equal("http://127.0.0.1:8081", resolved.Destinations!["primary"].Address);
    }
}
