using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Platform.BuildingBlocks.Security;

namespace Platform.BuildingBlocks.Http;

public static class OpenApiExtensions
{
    /// <summary>The service's OpenAPI document, with each number's bounds and each operation's access written in.</summary>
    public static IServiceCollection AddPlatformOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(openApi =>
        {
            openApi.AddSchemaTransformer<BoundsSchema>();
            openApi.AddOperationTransformer<AccessDocument>();
        });

    /// <summary>
    /// What a route does, for its OpenAPI operation: the summary in Chinese, the words its users say, and the
    /// description in English.
    /// </summary>
    public static RouteHandlerBuilder Describe(this RouteHandlerBuilder route, string summary, string description) =>
        route.WithSummary(summary).WithDescription(description);
}
