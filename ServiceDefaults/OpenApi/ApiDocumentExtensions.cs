using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Scalar.AspNetCore;

namespace Testbed.ServiceDefaults.OpenApi;

/// <summary>A service's OpenAPI document (/openapi/v1.json) and its API reference UI (/scalar).</summary>
public static class ApiDocumentExtensions
{
    /// <summary>Where each service serves its API reference UI.</summary>
    public const string ReferencePath = "/scalar";

    /// <summary>Registers the OpenAPI document, described by <paramref name="about"/>, with the endpoints' request examples and who may call each.</summary>
    public static TBuilder AddApiDocument<TBuilder>(this TBuilder builder, ApiDocument about)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddSingleton(about);
        builder.Services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer(new DocumentTransformer(about));
            options.AddOperationTransformer(new RequestBodyTransformer());
            var security = new SecurityTransformer();
            options.AddOperationTransformer(security);
            options.AddDocumentTransformer(security);
        });
        return builder;
    }

    /// <summary>Maps /openapi/v1.json and the Scalar API reference on it at /scalar (after <see cref="AddApiDocument"/>).</summary>
    public static WebApplication MapApiDocument(this WebApplication app)
    {
        var about = app.Services.GetRequiredService<ApiDocument>();
        app.MapOpenApi();
        app.MapScalarApiReference(ReferencePath, options =>
        {
            options.Title = about.Title;
            // Local first: the UI's script is served by the service itself; nothing that calls Scalar's cloud
            // (web fonts, telemetry, the AI agent, the developer toolbar with its deploy and SDK buttons).
            options.DefaultFonts = false;
            options.Telemetry = false;
            options.Agent = new ScalarAgentOptions { Disabled = true };
            options.ShowDeveloperTools = DeveloperToolsVisibility.Never;
        });
        return app;
    }
}
