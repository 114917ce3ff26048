using Platform.BuildingBlocks.Data;
using Platform.Gateway;
using Platform.Gateway.Identity;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddGatewayServices();
builder.AddGatewayHardening();

var app = builder.Build();
// The defaults first, so that the security headers and the correlation id are on every answer, a 429 included.
app.MapDefaultEndpoints();
app.UseGatewayHardening();
app.UseMiddleware<RequestSizeLimitMiddleware>();
app.MapAuthApi();
app.MapUsersApi();
app.MapAuditTrail("/api/admin/audit");
app.MapReverseProxy();
app.Run();
