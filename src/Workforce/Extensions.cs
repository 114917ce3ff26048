using Platform.BuildingBlocks.Data;
using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Messaging;
using Platform.BuildingBlocks.Schools;
using Platform.BuildingBlocks.Security;
using Platform.Workforce.Establishment;

namespace Platform.Workforce;

public static class Extensions
{
    public static void AddWorkforceServices(this IHostApplicationBuilder builder)
    {
        builder.AddPlatformDatabase("workforcedb", typeof(Extensions));
        builder.AddSchoolDirectory();
        builder.AddPlatformMessaging("workforce", bus =>
        {
            bus.AddSchoolDirectoryConsumers();
            bus.AddConsumer<EnrolmentRecordedConsumer>();
            bus.AddConsumer<PlaceDemandForecastPublishedConsumer>();
            bus.AddConsumer<StaffingRequirementRaisedConsumer>();
            bus.AddConsumer<CapacityCommissionedConsumer>();
        });
        // Teachers' records are personal: HR officers change them; viewers and admins read them.
        builder.AddPlatformSecurity(new ServiceAccess(Readers: [Roles.Hr, Roles.Viewer], Writers: [Roles.Hr]));
        builder.Services.AddPlatformOpenApi();
        builder.Services.AddValidation();
    }
}
