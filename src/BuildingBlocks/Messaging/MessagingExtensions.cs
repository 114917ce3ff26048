using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Platform.BuildingBlocks.Messaging;

public static class MessagingExtensions
{
    /// <summary>
    /// MassTransit on RabbitMQ from ConnectionStrings:messaging (an amqp:// URI), queues named
    /// "{service}-{message}" in kebab case, retry (ConsumerRetry) then the "_error" queue, and the outbox dispatcher.
    /// MassTransit adds its own readiness check for the bus.
    /// </summary>
    public static IHostApplicationBuilder AddPlatformMessaging(
        this IHostApplicationBuilder builder, string serviceName, Action<IBusRegistrationConfigurator>? addConsumers = null)
    {
        var broker = new Uri(builder.Configuration.GetConnectionString("messaging")
            ?? throw new InvalidOperationException("ConnectionStrings:messaging is not set."));

        builder.Services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(serviceName, includeNamespace: false));
            // MassTransit reports its usage to usage-tracking.masstransit.io by default: a bureau's servers send nothing out.
            bus.DisableUsageTelemetry();
            addConsumers?.Invoke(bus);
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(broker.Host, (ushort)broker.Port, VirtualHost(broker), host =>
                {
                    var (user, password) = Credentials(broker);
                    host.Username(user);
                    host.Password(password);
                });
                rabbit.UseConsumerRetry();
                rabbit.ConfigureEndpoints(context);
            });
        });
        builder.Services.AddHostedService<OutboxDispatcher>();
        // The queues of the consumers just registered, for the error-queue endpoints.
        var formatter = new KebabCaseEndpointNameFormatter(serviceName, includeNamespace: false);
        var consumerMethod = typeof(KebabCaseEndpointNameFormatter).GetMethods()
            .Single(m => m.Name == "Consumer" && m.IsGenericMethod && m.GetParameters().Length == 0);
        builder.Services.AddSingleton(new ConsumerQueues(builder.Services
            .Select(service => service.ServiceType)
            .Where(type => type is { IsClass: true, IsAbstract: false }
                && type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IConsumer<>)))
            .Distinct()
            .Select(type => (string)consumerMethod.MakeGenericMethod(type).Invoke(formatter, null)!)
            .Order(StringComparer.Ordinal)
            .ToList()));
        return builder;
    }

    private static string VirtualHost(Uri broker)
    {
        var path = Uri.UnescapeDataString(broker.AbsolutePath.TrimStart('/'));
        return path.Length == 0 ? "/" : path;
    }

    private static (string User, string Password) Credentials(Uri broker)
    {
        if (string.IsNullOrEmpty(broker.UserInfo))
            return ("guest", "guest");
        var parts = broker.UserInfo.Split(':', 2);
        return (Uri.UnescapeDataString(parts[0]), parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : "");
    }
}
