using PetitionBot.Core.Storage;

namespace PetitionBot.Core.Flows;

/// <summary>The outcome of <see cref="EmailCodeStep"/>: the status, the draft as saved, the proven address (only for
/// <see cref="EmailStepStatus.Proven"/>), the tries left, with no mail server the <c>.eml</c> file written, and whether
/// the mail goes out in the background (<paramref name="Queued"/>: the signer is told it is on its way).</summary>
public sealed record EmailStepResult(EmailStepStatus Status, FlowDraft Draft, string? Address = null, int TriesLeft = 0, string? PickupPath = null,
    bool Queued = false);
