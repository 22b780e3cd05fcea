using PetitionBot.Core.Storage;

namespace PetitionBot.Core.Flows;

/// <summary>The outcome of <see cref="EmailCodeStep"/>: the status, the draft as saved, the proven address (only for
/// <see cref="EmailStepStatus.Proven"/>), the tries left and, with no mail server, the <c>.eml</c> file written.</summary>
public sealed record EmailStepResult(EmailStepStatus Status, FlowDraft Draft, string? Address = null, int TriesLeft = 0, string? PickupPath = null);
