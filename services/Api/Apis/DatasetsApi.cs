using Microsoft.AspNetCore.Http.HttpResults;
using Testbed.Api.Datasets;
using Testbed.Api.Model;
using Testbed.ServiceDefaults.Authentication;

namespace Testbed.Api.Apis;

/// <summary>GET /datasets/{name}/rows/{index}, /rows/random and /columns/{column}/mean, /median, /most-frequent.</summary>
public static class DatasetsApi
{
    /// <summary>Maps the dataset endpoints.</summary>
    public static IEndpointRouteBuilder MapDatasetsApi(this IEndpointRouteBuilder app)
    {
        var datasets = app.MapGroup("/datasets/{name}").WithTags("Datasets").RequireScope(AccessScopes.Read).ProducesProblem(StatusCodes.Status404NotFound);
        datasets.MapGet("/rows/random", GetRandomRowAsync).WithName("GetRandomDatasetRow")
            .WithSummary("A random row of a dataset")
            .WithDescription("Chosen uniformly among the rows stored so far.");
        datasets.MapGet("/rows/{index:long}", GetRowAsync).WithName("GetDatasetRow")
            .WithSummary("A row of a dataset by index")
            .WithDescription("Rows count from 0, the CSV header excluded. 404 until the processors have stored the row, a moment after the upload's 202.");
        datasets.MapGet("/columns/{column}/mean", GetMeanAsync).WithName("GetColumnMean")
            .WithSummary("The mean of a numeric column")
            .WithDescription("Over the rows that hold the column; 422 when one of them is not a number.")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        datasets.MapGet("/columns/{column}/median", GetMedianAsync).WithName("GetColumnMedian")
            .WithSummary("The median of a numeric column")
            .WithDescription("Over the rows that hold the column; 422 when one of them is not a number.")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        datasets.MapGet("/columns/{column}/most-frequent", GetMostFrequentAsync).WithName("GetColumnMostFrequent")
            .WithSummary("The most frequent value of a column")
            .WithDescription("Of any type, with how many rows hold it.");
        return app;
    }

    /// <summary>The row at an index.</summary>
    public static async Task<Results<Ok<DatasetRow>, ProblemHttpResult>> GetRowAsync(string name, long index, DatasetReader reader, CancellationToken cancellationToken) =>
        await reader.RowAsync(name, index, cancellationToken).ConfigureAwait(false) is { } row
            ? TypedResults.Ok(row)
            : NotFound($"Dataset '{name}' has no row {index} (rows count from 0, the header excluded).");

    /// <summary>A row chosen uniformly at random.</summary>
    public static async Task<Results<Ok<DatasetRow>, ProblemHttpResult>> GetRandomRowAsync(string name, DatasetReader reader, CancellationToken cancellationToken)
    {
        var rows = await reader.RowsAsync(name, cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? UnknownDataset(name) : TypedResults.Ok(rows[Random.Shared.Next(rows.Count)]);
    }

    /// <summary>The mean of a numeric column.</summary>
    public static Task<Results<Ok<ColumnStatistic>, ProblemHttpResult>> GetMeanAsync(string name, string column, DatasetReader reader, CancellationToken cancellationToken) =>
        NumericAsync(name, column, "mean", ColumnValues.Mean, reader, cancellationToken);

    /// <summary>The median of a numeric column.</summary>
    public static Task<Results<Ok<ColumnStatistic>, ProblemHttpResult>> GetMedianAsync(string name, string column, DatasetReader reader, CancellationToken cancellationToken) =>
        NumericAsync(name, column, "median", ColumnValues.Median, reader, cancellationToken);

    /// <summary>The most frequent value of a column, of any type.</summary>
    public static async Task<Results<Ok<MostFrequentValue>, ProblemHttpResult>> GetMostFrequentAsync(string name, string column, DatasetReader reader, CancellationToken cancellationToken)
    {
        var rows = await reader.RowsAsync(name, cancellationToken).ConfigureAwait(false);
        if (rows.Count == 0)
        {
            return UnknownDataset(name);
        }

        if (DatasetReader.Column(rows, column) is not { Values.Count: > 0 } values)
        {
            return UnknownColumn(name, column);
        }

        var (value, count) = values.MostFrequent();
        return TypedResults.Ok(new MostFrequentValue(name, column, value, count, values.Values.Count));
    }

    private static async Task<Results<Ok<ColumnStatistic>, ProblemHttpResult>> NumericAsync(
        string name,
        string column,
        string statistic,
        Func<IReadOnlyList<decimal>, decimal> compute,
        DatasetReader reader,
        CancellationToken cancellationToken)
    {
        var rows = await reader.RowsAsync(name, cancellationToken).ConfigureAwait(false);
        if (rows.Count == 0)
        {
            return UnknownDataset(name);
        }

        if (DatasetReader.Column(rows, column) is not { Values.Count: > 0 } values)
        {
            return UnknownColumn(name, column);
        }

        var (numbers, notNumeric) = values.AsNumbers();
        if (numbers is null)
        {
            return TypedResults.Problem(
                $"Column '{column}' is not numeric: row {notNumeric!.Value.Row} holds {notNumeric.Value.Value.GetRawText()}. Ask for its most frequent value instead.",
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: $"The {statistic} needs numbers.",
                extensions: new Dictionary<string, object?> { ["field"] = "column" });
        }

        return TypedResults.Ok(new ColumnStatistic(name, column, statistic, numbers.Count, compute(numbers)));
    }

    private static ProblemHttpResult UnknownDataset(string name) => NotFound($"No dataset named '{name}' has rows (yet: rows are queryable once the processor has stored them).");

    private static ProblemHttpResult UnknownColumn(string name, string column) => NotFound($"Dataset '{name}' has no column '{column}' with a value.");

    private static ProblemHttpResult NotFound(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found.");
}
