using Platform.BuildingBlocks.Data;
using Platform.BuildingBlocks.Messaging;
using Platform.Workforce.Schools;

namespace Platform.Workforce;

public static class Extensions
{
    public static void AddWorkforceServices(this IHostApplicationBuilder builder)
    {
        builder.AddPlatformDatabase("workforcedb", typeof(Extensions).Assembly);
        builder.AddPlatformMessaging("workforce", bus => bus.AddConsumer<SchoolRegisteredConsumer>());
        builder.Services.AddOpenApi();
    }
}
