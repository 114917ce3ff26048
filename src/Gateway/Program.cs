using Platform.BuildingBlocks.Data;
using Platform.Gateway;
using Platform.Gateway.Identity;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddGatewayServices();
builder.AddGatewayHardening();
builder.AddGatewayHttps();

var app = builder.Build();
// The client's own address and scheme first, for HSTS, the rate limits and the sign-in throttle.
app.UseGatewayHttps();
// Then the defaults, so that the security headers and the correlation id are on every answer, a 429 included.
app.MapDefaultEndpoints();
app.UseGatewayHardening();
app.UseMiddleware<RequestSizeLimitMiddleware>();
app.MapOpenApi();
app.MapAuthApi();
app.MapUsersApi();
app.MapAuditTrail("/api/admin/audit");
app.MapReverseProxy();
app.Run();
