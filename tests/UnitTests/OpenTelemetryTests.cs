using System.Collections.Concurrent;
using System.Diagnostics;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Platform.BuildingBlocks.Messaging;

namespace Platform.UnitTests;

/// <summary>The telemetry AddServiceDefaults sets up, seen through in-memory exporters and a local OTLP receiver.</summary>
public class OpenTelemetryTests
{
    [Fact]
    public async Task Requests_are_traced_both_ways_but_health_probes_are_not()
    {
        var activities = new List<Activity>();
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddServiceDefaults();
        builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(activities));
        await using var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapGet("/schools", () => "[]");
        await app.StartAsync();
        // A client from the factory, as a service's calls to another are: its requests are traced too.
        var client = app.Services.GetRequiredService<IHttpClientFactory>().CreateClient();
        // Tests running beside this one make HTTP calls too; only this trace is this test's.
        using (var test = new Activity("test").Start())
        {
            test.ActivityTraceFlags = ActivityTraceFlags.Recorded; // else the parent-based sampler drops its children
            foreach (var path in new[] { "/health", "/alive", "/schools" })
                (await client.GetAsync(app.Urls.Single() + path)).EnsureSuccessStatusCode();
            await app.StopAsync();
            await app.DisposeAsync(); // its tracer provider too, so nothing more is exported into the list
            activities.RemoveAll(a => a.TraceId != test.TraceId);
        }

        Assert.Equal(["/schools"], Paths(activities, ActivityKind.Server));
        Assert.Equal(["/schools"], Paths(activities, ActivityKind.Client));
    }

    [Fact]
    public async Task A_published_and_consumed_message_is_traced_and_measured()
    {
        var (activities, metrics) = (new List<Activity>(), new List<Metric>());
        var builder = Recording(activities, metrics);
        builder.Services.AddSingleton(new TaskCompletionSource());
        builder.Services.AddMassTransit(bus =>
        {
            bus.AddConsumer<PingConsumer>();
            bus.UsingInMemory((context, memory) => memory.ConfigureEndpoints(context));
        });
        using var host = builder.Build();
        await host.StartAsync();
        await host.Services.GetRequiredService<IBus>().Publish(new Ping());
        await host.Services.GetRequiredService<TaskCompletionSource>().Task.WaitAsync(TimeSpan.FromSeconds(30));
        // Stopping the bus waits for the consumer, so its activity has ended and been exported.
        await host.StopAsync();
        host.Services.GetRequiredService<MeterProvider>().ForceFlush();

        var massTransit = activities.Where(a => a.Source.Name == Extensions.MassTransitTelemetry).Select(a => a.Kind).ToList();
        Assert.Contains(ActivityKind.Producer, massTransit);
        Assert.Contains(ActivityKind.Consumer, massTransit);
        Assert.Contains(metrics, metric => metric.MeterName == Extensions.MassTransitTelemetry);
    }

    [Fact]
    public void The_outboxs_publications_are_traced()
    {
        var activities = new List<Activity>();
        var builder = Recording(activities);
        using var host = builder.Build();
        host.Services.GetRequiredService<TracerProvider>(); // built on first use, as the host does at start

        using (OutboxDispatcher.Tracing.StartActivity("outbox SchoolRegistered", ActivityKind.Producer))
        {
        }

        Assert.Contains(activities, activity => activity.Source.Name == OutboxDispatcher.Tracing.Name);
    }

    [Fact]
    public async Task A_database_connection_is_traced_and_measured()
    {
        var (activities, metrics) = (new List<Activity>(), new List<Metric>());
        var builder = Recording(activities, metrics);
        using var host = builder.Build();
        await host.StartAsync();
        // Nothing listens on port 1: the attempt fails at once, and is traced all the same.
        await using (var database = NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Timeout=5"))
        {
            await Assert.ThrowsAnyAsync<NpgsqlException>(async () => await database.OpenConnectionAsync());
            host.Services.GetRequiredService<MeterProvider>().ForceFlush();
        }
        await host.StopAsync();

        Assert.Contains(activities, a => a.Source.Name == "Npgsql" && a.Status == ActivityStatusCode.Error);
        Assert.Contains(metrics, metric => metric.MeterName == "Npgsql");
    }

    [Fact]
    public async Task Traces_and_logs_go_to_the_otlp_endpoint_when_one_is_set()
    {
        var received = await ExportAsync(receiver => new() { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver });
        Assert.Contains("/v1/traces", received);
        Assert.Contains("/v1/logs", received);
    }

    [Fact]
    public async Task Nothing_is_exported_without_OTEL_EXPORTER_OTLP_ENDPOINT() =>
        // The signal-specific variable alone would lead an exporter that was switched on anyway to the receiver.
        Assert.Empty(await ExportAsync(receiver => new() { ["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"] = receiver + "/v1/traces" }));

    /// <summary>
    /// Runs a host with the defaults and <paramref name="settings"/> for a local OTLP receiver, makes an HTTP call
    /// and logs a line, and returns the paths the receiver was sent telemetry on once the host has flushed it.
    /// </summary>
    private static async Task<List<string>> ExportAsync(Func<string, Dictionary<string, string?>> settings)
    {
        var received = new ConcurrentQueue<string>();
        var receiverBuilder = WebApplication.CreateSlimBuilder();
        receiverBuilder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var receiver = receiverBuilder.Build();
        receiver.MapPost("/{**signal}", (HttpContext context) => received.Enqueue(context.Request.Path));
        receiver.MapGet("/", () => "ok");
        await receiver.StartAsync();

        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings(receiver.Urls.Single()));
        builder.Configuration["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
        builder.AddServiceDefaults();
        using (var host = builder.Build())
        {
            await host.StartAsync();
            var client = host.Services.GetRequiredService<IHttpClientFactory>().CreateClient();
            (await client.GetAsync(receiver.Urls.Single())).EnsureSuccessStatusCode();
            host.Services.GetRequiredService<ILogger<OpenTelemetryTests>>().LogInformation("A line to export");
            await host.StopAsync();
        } // disposing the providers flushes them
        return [.. received];
    }

    /// <summary>A host with the defaults' telemetry, exporting what it records into these lists.</summary>
    private static HostApplicationBuilder Recording(List<Activity> activities, List<Metric>? metrics = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.ConfigureOpenTelemetry();
        builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(activities));
        if (metrics is not null)
            builder.Services.ConfigureOpenTelemetryMeterProvider(meters => meters.AddInMemoryExporter(metrics));
        return builder;
    }

    /// <summary>The paths of the requests traced: a server span names its path, a client span its whole address.</summary>
    private static List<string> Paths(IEnumerable<Activity> activities, ActivityKind kind) => activities
        .Where(a => a.Kind == kind)
        .Select(a => a.GetTagItem("url.path") as string ?? new Uri((string)a.GetTagItem("url.full")!).AbsolutePath)
        .ToList();
}

public sealed record Ping;

public sealed class PingConsumer(TaskCompletionSource consumed) : IConsumer<Ping>
{
    public Task Consume(ConsumeContext<Ping> context)
    {
        consumed.TrySetResult();
        return Task.CompletedTask;
    }
}
