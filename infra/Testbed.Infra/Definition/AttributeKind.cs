namespace Testbed.Infra.Definition;

/// <summary>The DynamoDB scalar types a key attribute can have.</summary>
public enum AttributeKind
{
    /// <summary>String (S).</summary>
    String,

    /// <summary>Number (N).</summary>
    Number,

    /// <summary>Binary (B).</summary>
    Binary,
}
