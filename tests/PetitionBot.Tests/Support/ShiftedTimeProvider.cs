namespace PetitionBot.Tests.Support;

/// <summary>The real clock, moved forward by <see cref="Shift"/>: timers and delays run in real time (a chat adapter's
/// pacing keeps working), while the wall clock a code's ten minutes are measured by can jump ahead.</summary>
internal sealed class ShiftedTimeProvider : TimeProvider
{
    private long _shiftTicks;

    public void Shift(TimeSpan by) => Interlocked.Add(ref _shiftTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _shiftTicks));
}
