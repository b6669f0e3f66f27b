using System.Diagnostics;
using OpenTelemetry.Trace;

namespace Testbed.ServiceDefaults;

/// <summary>Drops outgoing-call spans that start a trace of their own (a processor polls Kinesis a hundred times a second); every other span is kept, children as their parent decides.</summary>
public sealed class OrphanClientSpanSampler : Sampler
{
    /// <inheritdoc />
    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters) =>
        samplingParameters.Kind == ActivityKind.Client && samplingParameters.ParentContext.TraceId == default
            ? new SamplingResult(SamplingDecision.Drop)
            : new SamplingResult(SamplingDecision.RecordAndSample);
}
