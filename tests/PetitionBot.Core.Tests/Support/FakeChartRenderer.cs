using PetitionBot.Core.Interactions;
using PetitionBot.Core.Reports;
using PetitionBot.Core.Storage;
using PetitionBot.Core.Ports;

namespace PetitionBot.Core.Tests.Support;

public sealed class FakeChartRenderer : IChartRenderer
{
    public List<IReadOnlyList<CountBy>> Calls { get; } = [];

    public FileAttachment RenderSignaturesOverTime(string title, IReadOnlyList<CountBy> byDay)
    {
        Calls.Add(byDay);
        return new FileAttachment("chart.png", "image/png", [0x89, 0x50, 0x4E, 0x47]);
    }
}
