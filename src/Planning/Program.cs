using Platform.Planning;
using Platform.Planning.Areas;
using Platform.Planning.Births;
using Platform.Planning.Enrolment;
using Platform.Planning.Forecasts;
using Platform.Planning.Scenarios;
using Platform.Planning.Schools;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddPlanningServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapOpenApi();
app.MapAreasApi();
app.MapSchoolsApi();
app.MapBirthsApi();
app.MapEnrolmentApi();
app.MapForecastsApi();
app.MapScenariosApi();
app.Run();
