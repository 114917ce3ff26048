using Platform.BuildingBlocks.Data;
using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Messaging;
using Platform.BuildingBlocks.Schools;
using Platform.BuildingBlocks.Security;
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
        // Facility managers change projects; planners, who count their places, and viewers read them.
        builder.AddPlatformSecurity(new ServiceAccess(
            Readers: [Roles.Facilities, Roles.Planner, Roles.Viewer], Writers: [Roles.Facilities]));
        builder.Services.AddPlatformOpenApi();
        builder.Services.AddValidation();
    }
}
