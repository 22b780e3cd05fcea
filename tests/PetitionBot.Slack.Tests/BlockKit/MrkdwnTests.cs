using PetitionBot.Core.Text;
using PetitionBot.Slack.BlockKit;

namespace PetitionBot.Slack.Tests.BlockKit;

public sealed class MrkdwnTests
{
    [Fact]
    public void EscapeReply_CoreReferences_ChannelLinkedGroupNeverMentioned()
    {
        var text = $"Channel {Mention.Channel("C123")}, leaders {Mention.Role("S9")}, typed <!channel> & {{#evil}}";
        var rendered = Mrkdwn.EscapeReply(text);
        Assert.Contains("<#C123>", rendered);
        Assert.Contains("user group S9", rendered);
        Assert.DoesNotContain("<!subteam", rendered);
        Assert.Contains("&lt;!channel&gt; &amp;", rendered);
    }
}
