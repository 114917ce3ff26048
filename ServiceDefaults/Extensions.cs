using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>What every service and the gateway share, in the shape of Aspire's ServiceDefaults template.</summary>
public static class Extensions
{
    public const string ReadyTag = "ready";
    private const string LiveTag = "live";
    private const string HealthPath = "/health";
    private const string AlivePath = "/alive";
    private const string RevocationsPath = "/api/auth/revocations";

    /// <summary>MassTransit's activity source and meter (the package names them so; this project does not reference it).</summary>
    public const string MassTransitTelemetry = "MassTransit";

    /// <summary>The suite's own activity sources (the outbox's, which carries each event on in its request's trace).</summary>
    private const string PlatformTelemetry = "Platform.*";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddSimpleConsole(options => { options.SingleLine = true; options.TimestampFormat = "HH:mm:ss.fff "; });
        // Every outgoing call and each resilience attempt would be a line of its own; their spans are in the traces.
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning).AddFilter("Polly", LogLevel.Warning);
        if (string.Equals(builder.Configuration["LOG_FORMAT"], "json", StringComparison.OrdinalIgnoreCase))
            builder.Logging.ClearProviders().AddJsonConsole();

        builder.ConfigureOpenTelemetry();
        // Answers do not name the server software; X-Frame-Options comes once, from SecurityHeaders.
        builder.Services.Configure<KestrelServerOptions>(kestrel => kestrel.AddServerHeader = false);
        builder.Services.Configure<AntiforgeryOptions>(antiforgery => antiforgery.SuppressXFrameOptionsHeader = true);

        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);
        builder.Services.AddProblemDetails(problems => problems.CustomizeProblemDetails = FieldNames.Customize);
        // Enums travel as names ("shortfall", "weightedMean"), which a reader and a client can both understand.
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
            json.SerializerOptions.Converters.Add(new PlainText.JsonConverter());
            json.SerializerOptions.Converters.Add(new DateRange.JsonConverter());
        });
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        // Binding failures throw, so BadRequestExceptionHandler can name the field in a ProblemDetails answer.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler(resilience =>
            {
                // Only safe methods are retried: a POST that timed out may still have been applied.
                resilience.Retry.DisableForUnsafeHttpMethods();
                // An import (up to 10 MB, checked whole before anything is written) or a city-wide forecast can take
                // longer than the template's 10 s; the breaker samples over at least twice an attempt.
                resilience.AttemptTimeout.Timeout = TimeSpan.FromSeconds(60);
                resilience.TotalRequestTimeout.Timeout = TimeSpan.FromMinutes(2);
                resilience.CircuitBreaker.SamplingDuration = TimeSpan.FromMinutes(2);
            });
            http.AddServiceDiscovery();
        });
        return builder;
    }

    /// <summary>
    /// Traces, metrics and logs of ASP.NET Core, HttpClient, the runtime, MassTransit and Npgsql; exported over OTLP
    /// when OTEL_EXPORTER_OTLP_ENDPOINT is set, as the AppHost sets it for its dashboard.
    /// </summary>
    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });
        var telemetry = builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddMeter(MassTransitTelemetry))
            .WithTracing(tracing => tracing
                // Health probes, answered and sent (the gateway probes each service) every few seconds, would bury
                // the requests worth reading.
                .AddAspNetCoreInstrumentation(aspNetCore => aspNetCore.Filter = context => !IsProbe(context.Request.Path))
                .AddHttpClientInstrumentation(http => http.FilterHttpRequestMessage = request =>
                    request.RequestUri is not { } uri || !IsProbe(uri.AbsolutePath))
                .AddNpgsql()
                .AddSource(MassTransitTelemetry, PlatformTelemetry));
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
            telemetry.UseOtlpExporter();
        return builder;
    }

    /// <summary>Health probes, and the services' poll of the gateway's feed of ended sessions, every second.</summary>
    private static bool IsProbe(PathString path) =>
        path.StartsWithSegments(HealthPath) || path.StartsWithSegments(AlivePath) || path.StartsWithSegments(RevocationsPath);

    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.UseSecurityHeaders();
        app.UseRequestLocalization(UserText.Languages());
        app.UseExceptionHandler();
        app.UseStatusCodePages(ProblemTitles.WriteAsync);
        app.UseMiddleware<CorrelationIdMiddleware>();
        app.Use((context, next) => PlainText.RefuseInUrlAsync(context, () => next(context)));
        // JSON bodies are buffered so that a body that fails to bind can be read again to name every bad field.
        app.Use((context, next) =>
        {
            if (context.Request.HasJsonContentType())
                context.Request.EnableBuffering();
            return next(context);
        });

        // /health: ready to serve (every check, including the database and the broker); /alive: the process runs.
        // Readiness is yes or no: MassTransit reports a lost broker as Degraded, which must not answer 200. Both
        // are open and say only that (HealthReportWriter); which check failed, and why, goes to the log.
        app.MapHealthChecks(HealthPath, new HealthCheckOptions
        {
            ResponseWriter = HealthReportWriter.WriteAsync,
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        });
        app.MapHealthChecks(AlivePath, new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(LiveTag),
            ResponseWriter = HealthReportWriter.WriteAsync,
        });
        return app;
    }
}
