using Platform.BuildingBlocks.Data;
using Platform.BuildingBlocks.Messaging;
using Platform.BuildingBlocks.Schools;
using Platform.Facilities.Shortfalls;

namespace Platform.Facilities;

public static class Extensions
{
    public static void AddFacilitiesServices(this IHostApplicationBuilder builder)
    {
        builder.AddPlatformDatabase("facilitiesdb", typeof(Extensions));
        builder.AddSchoolDirectory();
        builder.AddPlatformMessaging("facilities", bus =>
        {
            bus.AddSchoolDirectoryConsumers();
            bus.AddConsumer<PlaceShortfallDetectedConsumer>();
        });
        builder.Services.AddOpenApi();
    }
}
