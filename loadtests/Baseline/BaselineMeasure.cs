using System.Text.Json.Serialization;

namespace Testbed.LoadTests.Baseline;

/// <summary>What an emulator baseline measurement writes, and so which share of it a run's rate is.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BaselineMeasure>))]
public enum BaselineMeasure
{
    /// <summary>Kinesis PutRecords of 100 records of 200 bytes.</summary>
    KinesisRecords,

    /// <summary>DynamoDB BatchWriteItem of 25 small items (4 attributes, indexed): the yardstick the capacity goal names.</summary>
    DynamoDbItems,

    /// <summary>DynamoDB BatchWriteItem of 25 items as the processors write a load run's events: the most the pipeline could store.</summary>
    DynamoDbPipelineItems,
}
