using Platform.Gateway;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddGatewayServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.UseMiddleware<RequestSizeLimitMiddleware>();
app.MapReverseProxy();
app.Run();
