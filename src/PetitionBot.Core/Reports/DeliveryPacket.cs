namespace PetitionBot.Core.Reports;

/// <summary>A rendered delivery packet: the file, its page count, and how many characters no embedded font could draw
/// (each printed as a visible placeholder).</summary>
public sealed record DeliveryPacket(FileAttachment File, int Pages, int MissingGlyphs);
