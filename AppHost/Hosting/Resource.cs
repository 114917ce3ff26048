namespace Platform.AppHost.Hosting;

public enum ResourceState { NotStarted, Starting, Running, Failed, Stopping, Stopped, Exited }

/// <summary>Something the AppHost starts, waits for and stops: a server process, a database, a project.</summary>
public abstract class Resource(string name)
{
    public string Name { get; } = name;
    public ResourceState State { get; protected set; }
    public List<Resource> WaitsFor { get; } = [];

    /// <summary>Environment variables set on the projects that reference this resource.</summary>
    public Dictionary<string, string> Environment { get; } = [];

    public abstract string Kind { get; }

    /// <summary>Where a person or a client reaches it, for the resource table.</summary>
    public abstract string Address { get; }

    /// <summary>Starts the resource and returns once it is ready to use.</summary>
    public abstract Task StartAsync(CancellationToken cancellationToken);

    public abstract Task StopAsync();

    /// <summary>
    /// Polls <paramref name="probe"/> until it answers true; fails at once if the process exits meanwhile. Once ready,
    /// the resource is Running until the process exits, which is then reported rather than left unnoticed.
    /// </summary>
    protected async Task WaitUntilReadyAsync(
        ChildProcess process, Func<CancellationToken, Task<bool>> probe, Action<string, string> log, CancellationToken cancellationToken)
    {
        while (!await probe(cancellationToken))
        {
            if (process.HasExited)
            {
                State = ResourceState.Failed;
                throw new ResourceException($"{Name} exited with code {process.ExitCode} while starting; see its lines above.");
            }
            await Task.Delay(100, cancellationToken);
        }
        State = ResourceState.Running;
        _ = process.Exited.ContinueWith(_ =>
        {
            if (State != ResourceState.Running)
                return;
            State = ResourceState.Exited;
            log(Name, $"exited unexpectedly with code {process.ExitCode}");
        }, TaskScheduler.Default);
    }
}

/// <summary>A resource whose clients get ConnectionStrings__{Name}.</summary>
public interface IResourceWithConnectionString
{
    string Name { get; }
    string ConnectionString { get; }
}

/// <summary>A resource with an HTTP endpoint; its clients get services__{Name}__http__0.</summary>
public interface IResourceWithHttpEndpoint
{
    string Name { get; }
    Uri HttpEndpoint { get; }
}

public interface IResourceBuilder<out T> where T : Resource
{
    IDistributedApplicationBuilder ApplicationBuilder { get; }
    T Resource { get; }
}

internal sealed record ResourceBuilder<T>(IDistributedApplicationBuilder ApplicationBuilder, T Resource) : IResourceBuilder<T> where T : Resource;

public static class ResourceBuilderExtensions
{
    /// <summary>Starts <paramref name="builder"/>'s resource only once <paramref name="dependency"/> is ready.</summary>
    public static IResourceBuilder<T> WaitFor<T>(this IResourceBuilder<T> builder, IResourceBuilder<Resource> dependency) where T : Resource
    {
        builder.Resource.WaitsFor.Add(dependency.Resource);
        return builder;
    }

    /// <summary>Sets an environment variable on the resource's process, as Aspire's WithEnvironment does.</summary>
    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, string value) where T : Resource
    {
        builder.Resource.Environment[name] = value;
        return builder;
    }

    /// <summary>Injects the dependency's connection string or endpoint with Aspire's variable names.</summary>
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> builder, IResourceBuilder<Resource> source) where T : Resource
    {
        switch (source.Resource)
        {
            case IResourceWithConnectionString withConnection:
                builder.Resource.Environment[$"ConnectionStrings__{withConnection.Name}"] = withConnection.ConnectionString;
                break;
            case IResourceWithHttpEndpoint withEndpoint:
                builder.Resource.Environment[$"services__{withEndpoint.Name}__http__0"] = withEndpoint.HttpEndpoint.ToString().TrimEnd('/');
                break;
            default:
                throw new ArgumentException($"{source.Resource.Name} has neither a connection string nor an endpoint to reference.", nameof(source));
        }
        return builder;
    }
}
