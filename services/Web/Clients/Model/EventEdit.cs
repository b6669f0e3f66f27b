using System.Text.Json;

namespace Testbed.Web.Clients.Model;

/// <summary>The body of PUT /events/{id}: the new data and type.</summary>
public sealed record EventEdit(JsonElement Data, string Type);
