namespace PetitionBot.Core.Ports;

/// <summary>A held role. <see cref="Lost"/> fires when the hold can no longer be guaranteed (store connection lost):
/// stop the work it guards at once, then acquire again.</summary>
public interface IExclusiveRole : IAsyncDisposable
{
    CancellationToken Lost { get; }
}
