namespace PetitionBot.Slack.Api;

/// <summary>views.open: the trigger (valid 3 s, single use) and the modal.</summary>
internal sealed record OpenViewRequest(string TriggerId, View View);
