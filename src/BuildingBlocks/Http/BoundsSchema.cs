using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Platform.BuildingBlocks.Http;

/// <summary>Writes each <see cref="BoundsAttribute"/> into the OpenAPI schema: on the number, or on a list's or map's items.</summary>
public sealed class BoundsSchema : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var bounds = BoundsOf(context);
        if (bounds is null)
            return Task.CompletedTask;
        var target = schema.Items as OpenApiSchema ?? schema.AdditionalProperties as OpenApiSchema ?? schema;
        target.Minimum = bounds.Minimum.ToString(CultureInfo.InvariantCulture);
        target.Maximum = bounds.Maximum.ToString(CultureInfo.InvariantCulture);
        return Task.CompletedTask;
    }

    private static BoundsAttribute? BoundsOf(OpenApiSchemaTransformerContext context) =>
        context.JsonPropertyInfo?.AttributeProvider?.GetCustomAttributes(typeof(BoundsAttribute), true)
            .OfType<BoundsAttribute>()
            .FirstOrDefault()
        ?? (context.ParameterDescription?.ParameterDescriptor as IParameterInfoParameterDescriptor)?.ParameterInfo
            .GetCustomAttribute<BoundsAttribute>();
}
