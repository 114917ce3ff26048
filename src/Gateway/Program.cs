using Platform.BuildingBlocks.Data;
using Platform.Gateway;
using Platform.Gateway.Identity;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddGatewayServices();
builder.AddGatewayHardening();

var app = builder.Build();
app.UseGatewayHardening();
app.MapDefaultEndpoints();
app.UseMiddleware<RequestSizeLimitMiddleware>();
app.MapAuthApi();
app.MapUsersApi();
app.MapAuditTrail("/api/admin/audit");
app.MapReverseProxy();
app.Run();
