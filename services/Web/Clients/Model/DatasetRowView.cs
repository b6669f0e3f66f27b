using System.Text.Json;

namespace Testbed.Web.Clients.Model;

/// <summary>One row of a dataset by its index in the file.</summary>
public sealed record DatasetRowView(string Dataset, long Row, JsonElement Data);
