using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Platform.BuildingBlocks.Data;

/// <summary>
/// Refused requests go into the audit trail, as operation "refused": every 401 and 403, and every 404 an endpoint
/// answers a signed-in user (a record outside their district answers 404 as if it did not exist, so an unknown id
/// and another district's look the same here too). Each with who (if known), when, method, path without its query,
/// status and the client's address; never a header or a body. Recorded once the answer is sent, so the caller never
/// waits for it, and within <see cref="RefusalLimiter"/>'s bounds (Audit:RefusalsPerMinute for each caller,
/// Audit:RefusalsPerMinuteInAll for everyone); what is dropped beyond them is said once a minute in the log.
/// </summary>
public sealed class RefusedAttempts(RefusalLimiter limiter, ScopedDataSources dataSources, ILogger<RefusedAttempts> logger)
{
    internal static RefusalLimiter LimiterFrom(IConfiguration configuration) => new(
        configuration.GetValue("Audit:RefusalsPerMinute", 30),
        configuration.GetValue("Audit:RefusalsPerMinuteInAll", 600),
        TimeSpan.FromMinutes(1));

    /// <param name="endpoint">The endpoint the request was routed to, if any (an exception handler clears it later).</param>
    internal async Task RecordAsync(HttpContext context, Endpoint? endpoint)
    {
        var actor = Audit.ActorOf(context);
        var status = context.Response.StatusCode;
        if (!(status is 401 or 403 || (status == 404 && endpoint is not null && actor is not null)))
            return;
        var source = Audit.SourceOf(context);
        var caller = actor ?? source?.ToString() ?? "";
        switch (limiter.Admit(caller))
        {
            case RefusalAdmission.DropAndWarn:
                logger.LogWarning(
                    "Refused requests of {Caller} are over the audit trail's limit: the rest of this minute's are not recorded.",
                    caller);
                return;
            case RefusalAdmission.Drop:
                return;
        }
        var method = Bounded(context.Request.Method, 16);
        var path = Bounded((context.Request.PathBase + context.Request.Path).ToUriComponent(), 400);
        try
        {
            await using var connection = await dataSources.System.OpenConnectionAsync(CancellationToken.None);
            await AuditTrailStore.RecordRefusalAsync(connection, actor, source, method, path, status, CancellationToken.None);
        }
        catch (Exception e) // recorded after the answer: nothing else would see it
        {
            logger.LogError(
                e, "A refused request ({Status} {Method} {Path}) could not be recorded in the audit trail.", status, method, path);
        }
    }

    private static string Bounded(string text, int length) => text.Length <= length ? text : text[..length];
}

public static class RefusedAttemptsExtensions
{
    /// <summary>Records the refused requests of every endpoint after this point (<see cref="RefusedAttempts"/>).</summary>
    /// <param name="answeredElsewhere">Requests another host answers and records (the gateway's proxied requests).</param>
    public static IApplicationBuilder UseRefusedAttempts(this IApplicationBuilder app, Func<HttpContext, bool>? answeredElsewhere = null)
    {
        var refused = app.ApplicationServices.GetRequiredService<RefusedAttempts>();
        return app.Use((context, next) =>
        {
            var endpoint = context.GetEndpoint();
            context.Response.OnCompleted(() =>
                answeredElsewhere?.Invoke(context) == true ? Task.CompletedTask : refused.RecordAsync(context, endpoint));
            return next(context);
        });
    }
}
