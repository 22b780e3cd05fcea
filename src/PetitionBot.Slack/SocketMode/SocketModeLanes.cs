using System.Threading.Channels;

namespace PetitionBot.Slack.SocketMode;

/// <summary>The two bounded queues between the read loops and the workers, behind one writer: envelopes already
/// acknowledged by the read loop (their work: the core, replies over the Web API) and envelopes whose handler must
/// answer in the ack (view_submission, block_suggestion). Each lane has its own workers, so an answer that Slack waits
/// for never queues behind work whose ack has already gone. Completing the writer completes both lanes.</summary>
internal sealed class SocketModeLanes : ChannelWriter<QueuedEnvelope>
{
    private readonly Channel<QueuedEnvelope> _work;
    private readonly Channel<QueuedEnvelope> _answers;

    public SocketModeLanes(int capacity)
    {
        var options = new BoundedChannelOptions(Math.Max(1, capacity)) { FullMode = BoundedChannelFullMode.Wait, SingleWriter = false };
        _work = Channel.CreateBounded<QueuedEnvelope>(options);
        _answers = Channel.CreateBounded<QueuedEnvelope>(options);
    }

    public ChannelReader<QueuedEnvelope> Work => _work.Reader;

    public ChannelReader<QueuedEnvelope> Answers => _answers.Reader;

    public override bool TryWrite(QueuedEnvelope item) => Lane(item).TryWrite(item);

    public override ValueTask WriteAsync(QueuedEnvelope item, CancellationToken cancellationToken = default) =>
        Lane(item).WriteAsync(item, cancellationToken);

    public override ValueTask<bool> WaitToWriteAsync(CancellationToken cancellationToken = default) =>
        _work.Writer.WaitToWriteAsync(cancellationToken);

    public override bool TryComplete(Exception? error = null)
    {
        var work = _work.Writer.TryComplete(error);
        var answers = _answers.Writer.TryComplete(error);
        return work || answers;
    }

    private ChannelWriter<QueuedEnvelope> Lane(QueuedEnvelope item) => item.Acked ? _work.Writer : _answers.Writer;
}
