using Platform.BuildingBlocks.Data;
using Platform.BuildingBlocks.Messaging;
using Platform.Facilities.Schools;

namespace Platform.Facilities;

public static class Extensions
{
    public static void AddFacilitiesServices(this IHostApplicationBuilder builder)
    {
        builder.AddPlatformDatabase("facilitiesdb", typeof(Extensions).Assembly);
        builder.AddPlatformMessaging("facilities", bus => bus.AddConsumer<SchoolRegisteredConsumer>());
        builder.Services.AddOpenApi();
    }
}
