using Platform.BuildingBlocks.Data;
using Platform.BuildingBlocks.Messaging;
using Platform.Planning.Schools;

namespace Platform.Planning;

public static class Extensions
{
    public static void AddPlanningServices(this IHostApplicationBuilder builder)
    {
        builder.AddPlatformDatabase("planningdb", typeof(Extensions));
        builder.AddPlatformMessaging("planning", bus => bus.AddConsumer<CapacityCommissionedConsumer>());
        builder.Services.AddOpenApi();
    }
}
