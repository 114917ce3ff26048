using Platform.Web;
using Platform.Web.Components;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddWebServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.UseWebPipeline();
app.MapStaticAssets();
app.MapWebEndpoints();
// Blazor would answer with a policy of its own (frame-ancestors 'self' only), which would keep ours off the pages.
app.MapRazorComponents<App>().AddInteractiveServerRenderMode(server => server.ContentSecurityFrameAncestorsPolicy = null);
app.Run();
