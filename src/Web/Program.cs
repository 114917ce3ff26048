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
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.Run();
