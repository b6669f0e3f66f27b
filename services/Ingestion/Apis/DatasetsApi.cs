using System.ComponentModel;
using System.Globalization;
using Amazon.S3;
using Microsoft.AspNetCore.Http.HttpResults;
using Testbed.Aws.S3;
using Testbed.Ingestion.Accepting;
using Testbed.Ingestion.Datasets;
using Testbed.Ingestion.Model;
using Testbed.Ingestion.Publishing;
using Testbed.Records.Events;
using Testbed.ServiceDefaults.Authentication;
using Testbed.ServiceDefaults.OpenApi;

namespace Testbed.Ingestion.Apis;

/// <summary>POST /datasets/{name}: the raw file goes to S3, each row into the stream as an event of the dataset.</summary>
public static class DatasetsApi
{
    private const int MaxFileBytes = 64 * 1024 * 1024;

    /// <summary>Maps the dataset upload endpoint.</summary>
    public static IEndpointRouteBuilder MapDatasetsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/datasets/{name}", UploadAsync).WithTags("Datasets").WithName("UploadDataset").RequireScope(AccessScopes.Write)
            .WithSummary("Upload a dataset file")
            .WithDescription("Keeps the file in the lake under datasets/{name}/ and puts each row on the stream as an event of type dataset.{name}. "
                + "Rows that cannot be read are listed by line in the answer; the rest are stored. Rows are queryable through the Api's "
                + "GET /datasets/{name}/rows/{index} once the processors have stored them, a moment after the 202.")
            .WithTextBody("text/csv", "CSV with a header row naming the columns; numbers are stored as numbers.", "region,amount\nnorth,12.5\nsouth,7\n")
            .WithTextBody("application/x-ndjson", "One JSON object per line, each a row.", "{\"region\":\"north\",\"amount\":12.5}\n{\"region\":\"south\",\"amount\":7}\n")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    /// <summary>Stores the file, publishes its valid rows, and reports the rejected ones by line.</summary>
    public static async Task<Results<Accepted<DatasetAccepted>, ValidationProblem, ProblemHttpResult>> UploadAsync(
        [Description("The dataset's name: 1-100 letters, digits, '.', '_' or '-'. Uploading again under the same name replaces rows by index.")] string name,
        HttpRequest request,
        IAmazonS3 s3,
        [AsParameters] EventsServices services,
        CancellationToken cancellationToken)
    {
        if (!DatasetNames.IsValid(name))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = ["A dataset name is 1-100 letters, digits, '.', '_' or '-'."] }, title: "The dataset name is not valid.");
        }

        var csv = RequestBody.HasMediaType(request, "text/csv");
        if (!csv && !RequestBody.HasMediaType(request, "application/x-ndjson", "application/jsonl"))
        {
            return IngestionProblems.UnsupportedMediaType(request, "text/csv (with a header row) or application/x-ndjson");
        }

        var body = await RequestBody.ReadAsync(request, MaxFileBytes, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return IngestionProblems.TooLarge("body", $"A dataset file may be at most {MaxFileBytes:N0} bytes.");
        }

        var parsed = csv ? DatasetParser.ParseCsv(body) : DatasetParser.ParseNdjson(body);
        if (parsed.Rows.Count == 0)
        {
            var reason = parsed.Rejected.Count > 0 ? $"No row was accepted; line {parsed.Rejected[0].Line}: {parsed.Rejected[0].Error}" : "The file holds no rows.";
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [reason] }, title: "The dataset is empty.");
        }

        var acceptedAt = services.Time.GetUtcNow();
        using var pending = PendingRecords.Stamp(parsed.Rows.Count, services.Resources.Stream.Name, (index, traceParent) => new EventRecord
        {
            Id = DatasetNames.RowId(name, index),
            Type = DatasetNames.TypeOf(name),
            Timestamp = acceptedAt,
            AcceptedAt = acceptedAt,
            TraceParent = traceParent,
            Data = parsed.Rows[index],
            Dataset = name,
            Row = index,
        });
        var oversized = pending.FirstOversized;
        if (oversized >= 0)
        {
            return IngestionProblems.TooLarge($"rows[{oversized}]", $"Row {oversized} is larger than Kinesis's {EventRules.MaxRecordBytes:N0}-byte record limit; nothing was stored.");
        }

        var key = string.Create(CultureInfo.InvariantCulture, $"datasets/{name}/{acceptedAt:yyyyMMdd'T'HHmmss'Z'}-{Guid.NewGuid():N}.{(csv ? "csv" : "ndjson")}");
        await s3.PutBytesAsync(services.Resources.Bucket.Name, key, body, csv ? "text/csv" : "application/x-ndjson", cancellationToken).ConfigureAwait(false);
        var results = await pending.PublishAsync(services.Publisher, cancellationToken).ConfigureAwait(false);

        var unavailable = results.FirstOrDefault(r => r.Outcome != PublishOutcome.Published);
        if (unavailable is not null)
        {
            return IngestionProblems.Unavailable(
                request,
                $"{results.Count(r => r.Outcome != PublishOutcome.Published)} of {results.Length} rows were not stored: {unavailable.Error}. Upload the file again: row ids are stable, so nothing is counted twice.");
        }

        return TypedResults.Accepted((string?)null, new DatasetAccepted(name, key, results.Length, parsed.Columns, parsed.Rejected));
    }
}
