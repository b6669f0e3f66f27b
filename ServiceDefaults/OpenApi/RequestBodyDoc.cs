namespace Testbed.ServiceDefaults.OpenApi;

/// <summary>Endpoint metadata: one media type of a request body, as the OpenAPI document shows it.</summary>
/// <param name="ContentType">The media type, such as application/json or text/csv.</param>
/// <param name="Example">The example body as sent: JSON text for a JSON media type, else the text itself.</param>
/// <param name="Schema">The type whose schema a JSON body has; null for a text format or a body the framework binds.</param>
/// <param name="TextDescription">For a text format (CSV, NDJSON), what the text holds.</param>
public sealed record RequestBodyDoc(string ContentType, string Example, Type? Schema = null, string? TextDescription = null);
