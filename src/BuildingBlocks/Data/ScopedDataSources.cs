using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using Microsoft.AspNetCore.Http;
using Npgsql;
using Platform.BuildingBlocks.Security;

namespace Platform.BuildingBlocks.Data;

/// <summary>
/// The service's connections, one pool per district scope. Each pool's connections carry the scope from their
/// first packet (<c>-c app.scope=…</c>), so PostgreSQL's row-level security (migration platform/0003) filters every
/// statement on district-owned rows, and no reset of a pooled connection can lose or leak it:
/// <list type="bullet">
/// <item>a request's connections carry its signed-in user's scope (a district code prefix), or none at all for an
/// anonymous request, which then sees no district's rows;</item>
/// <item>work outside a request (event consumers, the outbox, migrations) carries <see cref="SystemScope"/>.</item>
/// </list>
/// Handlers and consumers take a <see cref="Database"/> of the right scope, resolved per request or message.
/// </summary>
public sealed class ScopedDataSources(string connectionString) : IAsyncDisposable
{
    /// <summary>The scope of the service itself: every district.</summary>
    public const string SystemScope = "*";

    /// <summary>The scope of a caller without one: no district.</summary>
    public const string NoScope = "none";

    private static readonly string Process = $"{Assembly.GetEntryAssembly()?.GetName().Name} {Environment.ProcessId}";
    private readonly ConcurrentDictionary<string, NpgsqlDataSource> sources = new();

    public NpgsqlDataSource System => For(SystemScope);

    /// <summary>The connections of a signed-in user of <paramref name="scope"/>, or of nobody.</summary>
    public NpgsqlDataSource For(DistrictScope? scope) => For(scope?.Prefix ?? NoScope);

    /// <summary>The data source of the current request's user, or the system's outside a request.</summary>
    public NpgsqlDataSource Current(IHttpContextAccessor accessor) =>
        accessor.HttpContext is { } http ? For(DistrictScope.Of(http.User)) : System;

    private NpgsqlDataSource For(string scope) => sources.GetOrAdd(scope, Build);

    private NpgsqlDataSource Build(string scope)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        builder.Options = $"{builder.Options} -c app.scope={scope}".Trim();
        // pg_stat_activity shows which process, and which of its pools, holds each connection: with replicas, which
        // instance serves whom.
        builder.ApplicationName = $"{Process} {scope}";
        // Only statements made for a request, an event or a publication are traced: the pollers' (the outbox, the
        // sessions feed) would bury them in traces of their own every second.
        return new NpgsqlDataSourceBuilder(builder.ConnectionString)
            .ConfigureTracing(tracing => tracing
                .ConfigureCommandFilter(_ => Activity.Current is { Recorded: true })
                .ConfigureBatchFilter(_ => Activity.Current is { Recorded: true }))
            .Build();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var source in sources.Values)
            await source.DisposeAsync();
    }
}
