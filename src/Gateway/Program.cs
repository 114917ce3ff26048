using Platform.Gateway;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddGatewayServices();
builder.AddGatewayHardening();

var app = builder.Build();
app.UseGatewayHardening();
app.MapDefaultEndpoints();
app.UseMiddleware<RequestSizeLimitMiddleware>();
app.MapReverseProxy();
app.Run();
