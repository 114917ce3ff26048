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
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.Hosting;

/// <summary>What every service and the gateway share, in the shape of Aspire's ServiceDefaults template.</summary>
public static class Extensions
{
    public const string ReadyTag = "ready";
    private const string LiveTag = "live";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddSimpleConsole(options => { options.SingleLine = true; options.TimestampFormat = "HH:mm:ss.fff "; });
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
        builder.Services.ConfigureHttpClientDefaults(http => http.AddHttpMessageHandler(() => new ResilienceHandler()));
        return builder;
    }

    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
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
        app.MapHealthChecks("/health", new HealthCheckOptions
        {
            ResponseWriter = HealthReportWriter.WriteAsync,
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        });
        app.MapHealthChecks("/alive", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(LiveTag),
            ResponseWriter = HealthReportWriter.WriteAsync,
        });
        return app;
    }
}
