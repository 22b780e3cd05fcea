namespace PetitionBot.Slack.Api;

/// <summary>views.update: replace an open modal by its id.</summary>
internal sealed record UpdateViewRequest(string ViewId, View View);
