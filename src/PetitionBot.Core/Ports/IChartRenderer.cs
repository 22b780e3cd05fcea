namespace PetitionBot.Core.Ports;

/// <summary>Draws the organizer's chart. Implemented outside the core (plotting library).</summary>
public interface IChartRenderer
{
    /// <summary>A PNG of signatures per day and the running total, from <see cref="CampaignStats.ByDay"/>.</summary>
    FileAttachment RenderSignaturesOverTime(string title, IReadOnlyList<CountBy> byDay);
}
