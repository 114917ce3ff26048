using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Platform.AppHost.Hosting;

/// <summary>
/// A RabbitMQ node from Debian's rabbitmq-server package as a local process on 127.0.0.1, with its own data
/// directory, ports and Erlang port mapper (epmd), so it never meets another node and leaves nothing running.
/// </summary>
public sealed class RabbitMqServerResource(string name, int amqpPort, int distributionPort, int epmdPort, DistributedApplicationOptions options)
    : Resource(name), IResourceWithConnectionString
{
    private const string ServerScript = "/usr/lib/rabbitmq/bin/rabbitmq-server";
    private const string ControlScript = "/usr/lib/rabbitmq/bin/rabbitmqctl";
    private ChildProcess? epmd;
    private ChildProcess? server;

    public int AmqpPort => amqpPort;
    public string NodeName => $"{Name}-{amqpPort}@localhost";
    public string ConnectionString => $"amqp://guest:guest@127.0.0.1:{amqpPort}/";
    public override string Kind => "RabbitMQ";
    public override string Address => $"amqp://127.0.0.1:{amqpPort}";
    private string Directory => Path.Combine(options.DataDirectory, Name);

    private Dictionary<string, string> NodeEnvironment => new()
    {
        ["HOME"] = Directory, // the Erlang cookie lives here, shared by the server and rabbitmqctl
        ["RABBITMQ_NODENAME"] = NodeName,
        ["RABBITMQ_DIST_PORT"] = distributionPort.ToString(),
        ["ERL_EPMD_PORT"] = epmdPort.ToString(),
        ["RABBITMQ_MNESIA_BASE"] = Path.Combine(Directory, "mnesia"),
        ["RABBITMQ_LOG_BASE"] = Path.Combine(Directory, "log"),
        ["RABBITMQ_LOGS"] = "-", // to standard output, which the AppHost streams
        ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(Directory, "enabled_plugins"),
        ["RABBITMQ_CONFIG_FILE"] = Path.Combine(Directory, "rabbitmq"),
    };

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        State = ResourceState.Starting;
        if (!File.Exists(ServerScript))
            throw new ResourceException($"RabbitMQ not found at {ServerScript}: install it with `apt-get install -y --no-install-recommends rabbitmq-server`.");
        var epmdPath = new[] { "/usr/bin/epmd", "/usr/lib/erlang/bin/epmd" }.FirstOrDefault(File.Exists)
            ?? throw new ResourceException("epmd (the Erlang port mapper) not found: install it with `apt-get install -y erlang-base`.");

        System.IO.Directory.CreateDirectory(Directory);
        await File.WriteAllTextAsync(Path.Combine(Directory, "enabled_plugins"), "[].\n", cancellationToken);
        // A listeners.tcp line binds 127.0.0.1 only (RABBITMQ_NODE_PORT would also bind ::).
        await File.WriteAllTextAsync(Path.Combine(Directory, "rabbitmq.conf"),
            $"loopback_users = none\nlisteners.tcp.1 = 127.0.0.1:{amqpPort}\n", cancellationToken);

        epmd = ChildProcess.Start($"{Name}-epmd", epmdPath, ["-port", epmdPort.ToString(), "-address", "127.0.0.1"], options.Log);
        server = ChildProcess.Start(Name, ServerScript, [], options.Log, NodeEnvironment);
        await WaitUntilReadyAsync(server, AnswersAmqpAsync, options.Log, cancellationToken);
    }

    /// <summary>Ready when the AMQP listener answers a protocol header with connection.start (a method frame).</summary>
    private async Task<bool> AnswersAmqpAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", amqpPort, cancellationToken);
            var stream = client.GetStream();
            await stream.WriteAsync("AMQP\0\0\u0009\u0001"u8.ToArray(), cancellationToken);
            var frameType = new byte[1];
            using var readTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            readTimeout.CancelAfter(TimeSpan.FromSeconds(2));
            return await stream.ReadAsync(frameType, readTimeout.Token) == 1 && frameType[0] == 1;
        }
        catch (Exception e) when (e is SocketException or IOException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return false;
        }
    }

    /// <summary>Runs rabbitmqctl against this node, e.g. "list_queues name messages".</summary>
    public async Task<string> ControlAsync(params string[] arguments)
    {
        var (exitCode, output) = await ChildProcess.RunAsync(ControlScript, ["-n", NodeName, .. arguments], NodeEnvironment);
        return exitCode == 0 ? output : throw new ResourceException($"rabbitmqctl {string.Join(' ', arguments)} failed ({exitCode}): {output}");
    }

    public override async Task StopAsync()
    {
        State = ResourceState.Stopping;
        // The start script execs erl, which shuts the node down cleanly on SIGTERM.
        if (server is not null)
            await server.DisposeAsync();
        if (epmd is not null)
            await epmd.DisposeAsync();
        (server, epmd) = (null, null);
        State = ResourceState.Stopped;
    }
}

public static class RabbitMqBuilderExtensions
{
    public static IResourceBuilder<RabbitMqServerResource> AddRabbitMQ(this IDistributedApplicationBuilder builder, string name) =>
        builder.AddResource(new RabbitMqServerResource(
            name, builder.PortFor(name, 15672), builder.PortFor($"{name}-dist", 25672), builder.PortFor($"{name}-epmd", 14369), builder.Options));
}
