using System.Text.Json;
using System.Text.Json.Serialization;

namespace Testbed.Records.Events;

/// <summary>Source-generated camelCase serialisation of <see cref="EventRecord"/> on the stream.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(EventRecord))]
public sealed partial class EventJsonContext : JsonSerializerContext;
