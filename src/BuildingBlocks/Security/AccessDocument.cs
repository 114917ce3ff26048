using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Platform.BuildingBlocks.Security;

/// <summary>
/// Writes who may call each operation into the OpenAPI document as "x-access", from the same metadata the
/// authorization reads: "read" or "write" under the service's access policy (see <see cref="AccessRequirement"/>),
/// the name of any other policy, "signed-in" or "anonymous". The generated authorization tests classify every
/// endpoint by it, so an endpoint nobody listed is still tested.
/// </summary>
public sealed class AccessDocument : IOpenApiOperationTransformer
{
    public const string Extension = "x-access";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        operation.Extensions[Extension] = new JsonNodeExtension(JsonValue.Create(AccessOf(context)));
        return Task.CompletedTask;
    }

    private static string AccessOf(OpenApiOperationTransformerContext context)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAllowAnonymous>().Any())
            return "anonymous";
        var policies = metadata.OfType<IAuthorizeData>().Select(data => data.Policy).ToList();
        if (policies.Contains(AccessRequirement.Policy))
        {
            var method = context.Description.HttpMethod ?? "";
            return HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || metadata.OfType<ComputesOnly>().Any() ? "read" : "write";
        }
        return policies.FirstOrDefault(policy => policy is not null) ?? (policies.Count > 0 ? "signed-in" : "anonymous");
    }
}
