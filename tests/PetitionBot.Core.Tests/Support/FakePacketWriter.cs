using System.Text;
using PetitionBot.Core.Interactions;
using PetitionBot.Core.Reports;
using PetitionBot.Core.Ports;

namespace PetitionBot.Core.Tests.Support;

/// <summary>Writes the packet's data as text lines ("school|name|stage|verification"), and remembers the last data.</summary>
public sealed class FakePacketWriter : IDeliveryPacketWriter
{
    public PacketData? Last { get; private set; }

    public DeliveryPacket Write(PacketData data)
    {
        Last = data;
        var lines = data.Schools.SelectMany(s => s.Signers.Select(p => $"{s.Name}|{p.Name}|{p.Stage}|{p.Verification}"));
        return new DeliveryPacket(new FileAttachment($"{data.Campaign.Id}-delivery-packet.pdf", "application/pdf",
            Encoding.UTF8.GetBytes(string.Join("\n", lines))), 3, 0);
    }
}
