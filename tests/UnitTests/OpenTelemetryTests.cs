using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Platform.UnitTests;

public class OpenTelemetryTests
{
    [Fact]
    public void Exports_nothing_without_an_otlp_endpoint()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.ConfigureOpenTelemetry();
        Assert.DoesNotContain(builder.Services, service => service.ServiceType == typeof(TracerProvider));
    }

    [Fact]
    public void Builds_tracer_and_meter_providers_when_an_endpoint_is_set()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:4317";
        builder.ConfigureOpenTelemetry();
        using var services = builder.Build();
        Assert.NotNull(services.Services.GetService(typeof(TracerProvider)));
        Assert.NotNull(services.Services.GetService(typeof(MeterProvider)));
    }
}
