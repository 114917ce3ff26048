using Platform.Facilities;
using Platform.Facilities.Projects;
using Platform.Facilities.Schools;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddFacilitiesServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapOpenApi();
app.MapSchoolsApi();
app.MapProjectsApi();
app.Run();
