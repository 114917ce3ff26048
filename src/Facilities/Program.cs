using Platform.BuildingBlocks.Messaging;
using Platform.Facilities;
using Platform.Facilities.Details;
using Platform.Facilities.Projects;
using Platform.Facilities.Schedule;
using Platform.BuildingBlocks.Schools;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddFacilitiesServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapErrorQueues();
app.MapOpenApi();
app.MapSchoolDirectory();
app.MapProjectsApi();
app.MapScheduleApi();
app.MapDetailsApi();
app.Run();
