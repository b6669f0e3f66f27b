namespace Testbed.Infra.Definition;

/// <summary>A key attribute of a table or index: its name and type.</summary>
public sealed record KeyAttribute(string Name, AttributeKind Kind)
{
    /// <summary>DynamoDB's one-letter type code (S, N or B).</summary>
    public string TypeCode => Kind switch
    {
        AttributeKind.String => "S",
        AttributeKind.Number => "N",
        _ => "B",
    };
}
