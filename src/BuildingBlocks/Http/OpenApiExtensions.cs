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
}
