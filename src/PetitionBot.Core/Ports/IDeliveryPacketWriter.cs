using PetitionBot.Core.Reports;
namespace PetitionBot.Core.Ports;

/// <summary>Lays out the delivery packet for the recipients. Implemented outside the core (PDF library).</summary>
public interface IDeliveryPacketWriter
{
    DeliveryPacket Write(PacketData data);
}
