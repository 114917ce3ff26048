namespace Platform.AppHost.Hosting;

/// <summary>A project of the suite, as generated into the Projects namespace by AppHost.csproj.</summary>
public abstract class ProjectMetadata(string projectPath, string assemblyPath)
{
    public string ProjectPath { get; } = projectPath;
    public string AssemblyPath { get; } = assemblyPath;
}

/// <summary>A .NET project run as `dotnet {assembly}`, ready once its /health answers 200.</summary>
public sealed class ProjectResource(string name, ProjectMetadata project, Func<int?, int> allocatePort, DistributedApplicationOptions options)
    : Resource(name), IResourceWithHttpEndpoint
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private ChildProcess? process;
    private int? requestedPort;
    private int? port;

    /// <summary>Allocated on first use, so that WithHttpEndpoint can still choose it.</summary>
    public int Port => port ??= allocatePort(requestedPort);
    public Uri HttpEndpoint => new($"http://127.0.0.1:{Port}");
    public override string Kind => "Project";
    public override string Address => HttpEndpoint.ToString();

    internal void RequestPort(int value)
    {
        if (port is not null)
            throw new InvalidOperationException($"{Name}'s port is in use already; call WithHttpEndpoint before WithReference.");
        requestedPort = value;
    }

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        State = ResourceState.Starting;
        if (!File.Exists(project.AssemblyPath))
            throw new ResourceException($"{Name}: {project.AssemblyPath} is missing; build the solution first (`dotnet build Platform.sln`).");
        var environment = new Dictionary<string, string>(options.ProjectEnvironment)
        {
            ["ASPNETCORE_URLS"] = HttpEndpoint.ToString().TrimEnd('/'),
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["OTEL_SERVICE_NAME"] = Name,
            ["DOTNET_NOLOGO"] = "1",
        };
        foreach (var (key, value) in Environment)
            environment[key] = value;

        var started = ChildProcess.Start(Name, "dotnet", [project.AssemblyPath], options.Log, environment, Path.GetDirectoryName(project.ProjectPath));
        process = started;
        await WaitUntilReadyAsync(started, IsHealthyAsync, options.Log, cancellationToken);
        _ = SuperviseAsync(started);
    }

    /// <summary>
    /// A project that exits on its own while running (a crash, or a service ending itself to be started afresh, as the
    /// consumer watchdog does) is started again, as a supervisor such as Kubernetes would.
    /// </summary>
    private async Task SuperviseAsync(ChildProcess watched)
    {
        await watched.Exited;
        if (process != watched || State != ResourceState.Running)
            return; // stopped, or crashed on purpose by a test
        options.Log(Name, $"exited on its own (code {watched.ExitCode}); starting it again");
        process = null;
        State = ResourceState.Stopped;
        await watched.DisposeAsync();
        try
        {
            await StartAsync(CancellationToken.None);
        }
        catch (ResourceException e)
        {
            State = ResourceState.Failed;
            options.Log(Name, $"could not be started again: {e.Message}");
        }
    }

    /// <summary>The process id, while the project runs (for tests that stop it from outside).</summary>
    public int? ProcessId => process?.Id;

    private async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await Http.GetAsync(new Uri(HttpEndpoint, "/health"), cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return false;
        }
    }

    /// <summary>Kills the project as a crash would (for fault tests); StartAsync brings it back.</summary>
    public async Task CrashAsync()
    {
        if (process is not { } crashed)
            return;
        (process, State) = (null, ResourceState.Stopped); // first, so the supervisor does not start it again
        await crashed.KillAsync();
        await crashed.DisposeAsync();
    }

    public override async Task StopAsync()
    {
        if (process is null)
            return;
        State = ResourceState.Stopping;
        await process.DisposeAsync();
        process = null;
        State = ResourceState.Stopped;
    }
}

public static class ProjectBuilderExtensions
{
    public static IResourceBuilder<ProjectResource> AddProject<TProject>(this IDistributedApplicationBuilder builder, string name)
        where TProject : ProjectMetadata, new() =>
        builder.AddResource(new ProjectResource(
            name, new TProject(), requested => builder.PortFor(name, requested ?? DefaultPort(name)), builder.Options));

    /// <summary>Gives the project a fixed default port (still overridden by Ports:{name} or dynamic ports).</summary>
    public static IResourceBuilder<ProjectResource> WithHttpEndpoint(this IResourceBuilder<ProjectResource> builder, int port)
    {
        builder.Resource.RequestPort(port);
        return builder;
    }

    private static int DefaultPort(string name) => name switch
    {
        "planning" => 8081,
        "workforce" => 8082,
        "facilities" => 8083,
        "web" => 8084,
        _ => 8090,
    };
}
