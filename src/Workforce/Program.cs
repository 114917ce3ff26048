using Platform.BuildingBlocks.Messaging;
using Platform.Workforce;
using Platform.BuildingBlocks.Schools;
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
app.MapErrorQueues();
app.MapOpenApi();
app.MapSchoolDirectory();
app.MapTeachersApi();
app.MapRotationApi();
app.MapStaffingApi();
app.MapTrainingApi();
app.MapEstablishmentApi();
app.MapRoundsApi();
app.Run();
