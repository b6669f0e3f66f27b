using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Testbed.Aws.Kinesis.Errors;
using Testbed.Aws.Kinesis.Model;
using Testbed.Aws.Signing;

namespace Testbed.Aws.Kinesis;

/// <summary>Kinesis Data Streams over its JSON protocol (x-amz-json-1.1), signed with Signature V4, with retries.</summary>
public sealed class KinesisClient(HttpClient http, KinesisClientOptions options, TimeProvider? timeProvider = null) : IKinesisClient
{
    private const string TargetPrefix = "Kinesis_20131202.";
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/x-amz-json-1.1");
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;
    private readonly SigningScope _scope = new(options.Region, "kinesis");

    /// <inheritdoc />
    public Task CreateStreamAsync(CreateStreamRequest request, CancellationToken cancellationToken = default) =>
        SendAsync("CreateStream", request, KinesisJsonContext.Default.CreateStreamRequest, cancellationToken);

    /// <inheritdoc />
    public Task DeleteStreamAsync(DeleteStreamRequest request, CancellationToken cancellationToken = default) =>
        SendAsync("DeleteStream", request, KinesisJsonContext.Default.DeleteStreamRequest, cancellationToken);

    /// <inheritdoc />
    public Task<DescribeStreamSummaryResponse> DescribeStreamSummaryAsync(DescribeStreamSummaryRequest request, CancellationToken cancellationToken = default) =>
        CallAsync("DescribeStreamSummary", request, KinesisJsonContext.Default.DescribeStreamSummaryRequest, KinesisJsonContext.Default.DescribeStreamSummaryResponse, cancellationToken);

    /// <inheritdoc />
    public Task<ListStreamsResponse> ListStreamsAsync(ListStreamsRequest request, CancellationToken cancellationToken = default) =>
        CallAsync("ListStreams", request, KinesisJsonContext.Default.ListStreamsRequest, KinesisJsonContext.Default.ListStreamsResponse, cancellationToken);

    /// <inheritdoc />
    public Task<ListShardsResponse> ListShardsAsync(ListShardsRequest request, CancellationToken cancellationToken = default) =>
        CallAsync("ListShards", request, KinesisJsonContext.Default.ListShardsRequest, KinesisJsonContext.Default.ListShardsResponse, cancellationToken);

    /// <inheritdoc />
    public Task<PutRecordResponse> PutRecordAsync(PutRecordRequest request, CancellationToken cancellationToken = default) =>
        CallAsync("PutRecord", request, KinesisJsonContext.Default.PutRecordRequest, KinesisJsonContext.Default.PutRecordResponse, cancellationToken);

    /// <inheritdoc />
    public Task<PutRecordsResponse> PutRecordsAsync(PutRecordsRequest request, CancellationToken cancellationToken = default) =>
        CallAsync("PutRecords", request, KinesisJsonContext.Default.PutRecordsRequest, KinesisJsonContext.Default.PutRecordsResponse, cancellationToken);

    /// <inheritdoc />
    public Task<GetShardIteratorResponse> GetShardIteratorAsync(GetShardIteratorRequest request, CancellationToken cancellationToken = default) =>
        CallAsync("GetShardIterator", request, KinesisJsonContext.Default.GetShardIteratorRequest, KinesisJsonContext.Default.GetShardIteratorResponse, cancellationToken);

    /// <inheritdoc />
    public Task<GetRecordsResponse> GetRecordsAsync(GetRecordsRequest request, CancellationToken cancellationToken = default) =>
        CallAsync("GetRecords", request, KinesisJsonContext.Default.GetRecordsRequest, KinesisJsonContext.Default.GetRecordsResponse, cancellationToken);

    private async Task SendAsync<TRequest>(string operation, TRequest request, JsonTypeInfo<TRequest> requestType, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(request, requestType);
        using var response = await SendWithRetriesAsync(operation, body, cancellationToken).ConfigureAwait(false);
    }

    private async Task<TResponse> CallAsync<TRequest, TResponse>(
        string operation,
        TRequest request,
        JsonTypeInfo<TRequest> requestType,
        JsonTypeInfo<TResponse> responseType,
        CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(request, requestType);
        using var response = await SendWithRetriesAsync(operation, body, cancellationToken).ConfigureAwait(false);
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        return await JsonSerializer.DeserializeAsync(stream, responseType, cancellationToken).ConfigureAwait(false)
            ?? throw new KinesisException($"Kinesis answered {operation} with an empty body.", "EmptyResponse", response.StatusCode);
    }

    private async Task<HttpResponseMessage> SendWithRetriesAsync(string operation, byte[] body, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await SendOnceAsync(operation, body, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception error) when (attempt < options.Retry.MaxAttempts && IsRetryable(error, cancellationToken))
            {
                var delay = options.Retry.DelayBefore(attempt, Random.Shared.NextDouble());
                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static bool IsRetryable(Exception error, CancellationToken cancellationToken) => error switch
    {
        KinesisException kinesis => KinesisErrors.IsRetryable(kinesis),
        HttpRequestException => true,
        TaskCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };

    private async Task<HttpResponseMessage> SendOnceAsync(string operation, byte[] body, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.AttemptTimeout);

        using var request = new HttpRequestMessage(HttpMethod.Post, options.ServiceUrl);
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = JsonContentType;
        request.Headers.TryAddWithoutValidation("X-Amz-Target", TargetPrefix + operation);

        var credentials = await options.Credentials.GetCredentialsAsync().ConfigureAwait(false);
        HttpRequestSigner.Sign(
            request,
            body,
            new SigningCredentials(credentials.AccessKey, credentials.SecretKey, credentials.UseToken ? credentials.Token : null),
            _scope,
            _time.GetUtcNow());

        var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw await ReadErrorAsync(operation, response, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<KinesisException> ReadErrorAsync(string operation, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        KinesisErrorBody? error = null;
        try
        {
            error = JsonSerializer.Deserialize(text, KinesisJsonContext.Default.KinesisErrorBody);
        }
        catch (JsonException)
        {
            // Not a Kinesis error body (a proxy's or load balancer's page); the status says enough.
        }

        var code = error?.Type is not null
            ? KinesisErrors.CodeFromType(error.Type)
            : response.Headers.TryGetValues("x-amzn-ErrorType", out var types)
                ? KinesisErrors.CodeFromType(types.First())
                : response.StatusCode >= HttpStatusCode.InternalServerError ? "InternalFailure" : "UnknownError";
        var message = error?.Message ?? error?.UpperMessage ?? Truncate(text);
        return KinesisErrors.Create(code, $"Kinesis {operation} failed with {code} ({(int)response.StatusCode}): {message}", response.StatusCode);
    }

    private static string Truncate(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
