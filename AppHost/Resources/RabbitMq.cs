namespace Platform.AppHost.Resources;

/// <summary>
/// A RabbitMQ node from Debian's rabbitmq-server as an executable (no container engine here, docs/adr/0011), with
/// its own folder, ports and node name, so it never meets another node.
/// </summary>
public sealed class RabbitMqNodeResource(string name, string command, string directory, int epmdPort)
    : ExecutableResource(name, command, directory), IResourceWithConnectionString
{
    public const string ControlScript = "/usr/lib/rabbitmq/bin/rabbitmqctl";
    public EndpointReference Endpoint => new(this, "tcp");
    public string NodeName => $"{Name}@localhost";

    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"amqp://guest:guest@127.0.0.1:{Endpoint.Property(EndpointProperty.Port)}/");

    /// <summary>The node's environment, shared by the server and rabbitmqctl (the Erlang cookie lives in HOME).</summary>
    public IReadOnlyDictionary<string, string> NodeEnvironment { get; } = EnvironmentOf(name, directory, epmdPort);

    private static Dictionary<string, string> EnvironmentOf(string name, string directory, int epmdPort) => new()
    {
        ["HOME"] = directory,
        ["RABBITMQ_NODENAME"] = $"{name}@localhost",
        ["ERL_EPMD_PORT"] = epmdPort.ToString(),
        ["RABBITMQ_MNESIA_BASE"] = Path.Combine(directory, "mnesia"),
        ["RABBITMQ_LOG_BASE"] = Path.Combine(directory, "log"),
        ["RABBITMQ_LOGS"] = "-", // to standard output, which the dashboard shows
        ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(directory, "enabled_plugins"),
        ["RABBITMQ_CONFIG_FILE"] = Path.Combine(directory, "rabbitmq"),
    };
}

public static class RabbitMqBuilderExtensions
{
    private const string ServerScript = "/usr/lib/rabbitmq/bin/rabbitmq-server";
    private const string Epmd = "/usr/bin/epmd";

    /// <summary>
    /// The node and its Erlang port mapper (epmd) as a resource of its own that the node waits for: else the node
    /// starts an epmd of its own, which outlives the run.
    /// </summary>
    public static IResourceBuilder<RabbitMqNodeResource> AddRabbitMQ(
        this IDistributedApplicationBuilder builder, string name, SuiteSettings settings)
    {
        Prerequisite.Require(ServerScript, "rabbitmq-server");
        Prerequisite.Require(Epmd, "erlang-base");
        var (amqpPort, distributionPort, epmdPort) =
            (settings.PortFor(name, 15672), settings.PortFor($"{name}-dist", 25682), settings.PortFor($"{name}-epmd", 14369));
        var directory = Path.Combine(settings.DataDirectory, name);
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "enabled_plugins"), "[].\n");
        // A listeners.tcp line binds 127.0.0.1 only (RABBITMQ_NODE_PORT would bind every address).
        File.WriteAllText(Path.Combine(directory, "rabbitmq.conf"), $"loopback_users = none\nlisteners.tcp.1 = 127.0.0.1:{amqpPort}\n");

        var epmd = builder.AddExecutable($"{name}-epmd", Epmd, directory, "-port", epmdPort.ToString(), "-address", "127.0.0.1")
            .WithProbe(cancellation => Probe.ListensAsync(epmdPort, cancellation));

        var node = new RabbitMqNodeResource(name, ServerScript, directory, epmdPort);
        var resource = builder.AddResource(node)
            .WithEndpoint(name: "tcp", port: amqpPort, targetPort: amqpPort, isProxied: false)
            .WithEnvironment("RABBITMQ_DIST_PORT", distributionPort.ToString())
            .WaitFor(epmd)
            .WithProbe(cancellation => Probe.AnswersAmqpAsync(amqpPort, cancellation));
        foreach (var (key, value) in node.NodeEnvironment)
            resource.WithEnvironment(key, value);
        return resource;
    }
}
