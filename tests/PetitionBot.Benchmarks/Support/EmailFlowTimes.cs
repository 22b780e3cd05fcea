namespace PetitionBot.Benchmarks.Support;

/// <summary>What <see cref="DiscordRig.SignWithEmailAsync"/> measures, in ms: every ack of the flow; and, for the step
/// that submits the address (the one that mails the code), its ack, its answer (dispatch → the code prompt arrived) and
/// the mail's arrival at the SMTP server (dispatch → message received).</summary>
internal sealed class EmailFlowTimes
{
    public List<double> Acks { get; } = [];

    public List<double> AddressAcks { get; } = [];

    public List<double> AddressAnswers { get; } = [];

    public List<double> MailArrivals { get; } = [];
}
