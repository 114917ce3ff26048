using Platform.BuildingBlocks.Data;
using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Messaging;
using Platform.BuildingBlocks.Security;
using Platform.Planning.Pipeline;
using Platform.Planning.Schools;

namespace Platform.Planning;

public static class Extensions
{
    public static void AddPlanningServices(this IHostApplicationBuilder builder)
    {
        builder.AddPlatformDatabase("planningdb", typeof(Extensions));
        builder.AddPlatformMessaging("planning", bus =>
        {
            bus.AddConsumer<CapacityCommissionedConsumer>();
            bus.AddConsumer<FacilityProjectProposedConsumer>();
            bus.AddConsumer<FacilityProjectApprovedConsumer>();
            bus.AddConsumer<FacilityProjectScheduleChangedConsumer>();
            bus.AddConsumer<FacilityProjectCancelledConsumer>();
        });
        // Planners change Planning's data; everyone else who plans with it reads it.
        builder.AddPlatformSecurity(new ServiceAccess(
            Readers: [Roles.Planner, Roles.Facilities, Roles.Hr, Roles.Viewer], Writers: [Roles.Planner]));
        builder.Services.AddPlatformOpenApi();
        builder.Services.AddValidation();
    }
}
