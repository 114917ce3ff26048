using Platform.Workforce;
using Platform.Workforce.Schools;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddWorkforceServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapOpenApi();
app.MapSchoolsApi();
app.Run();
