namespace PetitionBot.Slack.Api;

/// <summary>A <c>mrkdwn</c> object: the text must already be escaped (<see cref="BlockKit.Mrkdwn"/>).</summary>
internal sealed record MrkdwnText(string Text) : TextObject(Text);
