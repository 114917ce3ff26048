using Platform.BuildingBlocks.Messaging;
using Platform.BuildingBlocks.Schools;
using Platform.BuildingBlocks.Security;
using Platform.Workforce;
using Platform.Workforce.Establishment;
using Platform.Workforce.Rotation;
using Platform.Workforce.Rounds;
using Platform.Workforce.Staffing;
using Platform.Workforce.Teachers;
using Platform.Workforce.Training;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddWorkforceServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapOpenApi();
var api = app.MapPlatformApi();
app.MapErrorQueues();
api.MapSchoolDirectory();
api.MapTeachersApi();
api.MapRotationApi();
api.MapStaffingApi();
api.MapTrainingApi();
api.MapEstablishmentApi();
api.MapRoundsApi();
app.Run();
