namespace PetitionBot.Core.Reports;

/// <summary>A school in the delivery packet: its counts and its named signers (alphabetical). Counted-only signers are
/// only counted.</summary>
public sealed record PacketSchool(string Name, int Named, int CountedOnly, IReadOnlyList<PacketSigner> Signers)
{
    public int Total => Named + CountedOnly;
}
