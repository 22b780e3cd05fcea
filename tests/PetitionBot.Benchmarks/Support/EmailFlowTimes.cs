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

    /// <summary>The first failure seen: the step and what the bot answered (for the row's note).</summary>
    public string? FirstFailure { get; private set; }

    /// <summary>Notes a failed flow (the first one is kept) and returns false.</summary>
    public bool Failed(string step, System.Text.Json.Nodes.JsonNode? answer)
    {
        var text = answer?["content"]?.ToString() ?? answer?["title"]?.ToString() ?? (answer is null ? "no answer" : "an answer without text");
        lock (this)
        {
            FirstFailure ??= $"{step}: {(text.Length > 120 ? text[..120] : text)}";
        }

        return false;
    }
}
