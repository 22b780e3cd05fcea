namespace PetitionBot.Core.Flows;

/// <summary>The flows, bundled so the entry point takes one dependency instead of seven.</summary>
public sealed record FlowSet(
    SignFlow Sign,
    UnsignFlow Unsign,
    MyDataFlow MyData,
    InfoFlow Info,
    ExportFlow Export,
    UpdateFlow Update,
    SetupFlow Setup,
    PacketExportFlow Packet,
    ResponseFlow Respond,
    AddressProofFlow Proof,
    NotificationFlow Notify,
    DeliveredFlow Delivered);
