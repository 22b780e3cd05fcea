namespace PetitionBot.Core.Reports;

/// <summary>One named signer as the delivery packet lists them.</summary>
public sealed record PacketSigner(string Name, string Stage, string Verification);
