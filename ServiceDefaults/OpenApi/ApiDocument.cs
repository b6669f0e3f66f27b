namespace Testbed.ServiceDefaults.OpenApi;

/// <summary>What a service says about itself in its OpenAPI document: a title, a description and one description per tag.</summary>
/// <param name="Title">The document's title, such as "Testbed Ingestion".</param>
/// <param name="Description">What the service does, in a paragraph (Markdown).</param>
/// <param name="Tags">Each tag its endpoints use, with a sentence on what the tag groups.</param>
public sealed record ApiDocument(string Title, string Description, IReadOnlyDictionary<string, string> Tags);
