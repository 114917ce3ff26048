using Platform.BuildingBlocks.Messaging;
using Platform.BuildingBlocks.Schools;
using Platform.BuildingBlocks.Security;
using Platform.Facilities;
using Platform.Facilities.Details;
using Platform.Facilities.Projects;
using Platform.Facilities.Schedule;
using Platform.Facilities.Stages;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddFacilitiesServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapOpenApi();
var api = app.MapPlatformApi();
app.MapErrorQueues();
api.MapSchoolDirectory();
api.MapProjectsApi();
api.MapScheduleApi();
api.MapGatesApi();
api.MapDetailsApi();
app.Run();
