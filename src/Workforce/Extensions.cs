using Platform.BuildingBlocks.Data;
using Platform.BuildingBlocks.Messaging;
using Platform.BuildingBlocks.Schools;
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
        builder.Services.AddOpenApi();
    }
}
