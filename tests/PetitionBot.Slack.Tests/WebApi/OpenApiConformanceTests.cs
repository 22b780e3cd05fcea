using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PetitionBot.Core.Interactions;
using PetitionBot.Core.Model;
using PetitionBot.Core.Ports;
using PetitionBot.Slack.BlockKit;
using PetitionBot.Slack.Tests.Support;
using PetitionBot.Slack.WebApi;

namespace PetitionBot.Slack.Tests.WebApi;

public sealed class OpenApiConformanceTests
{
    [Fact]
    public void Schema_UnknownOrMissingParameter_Invalid()
    {
        Assert.True(SlackOpenApi.IsValid("chat.postMessage", new JsonObject { ["channel"] = "C1", ["text"] = "x" }));
        Assert.False(SlackOpenApi.IsValid("chat.postMessage", new JsonObject { ["chanel"] = "C1", ["text"] = "x" }));
        Assert.False(SlackOpenApi.IsValid("chat.postEphemeral", new JsonObject { ["channel"] = "C1", ["text"] = "x" }));
    }

    [Fact]
    public async Task RequestBodies_EveryMethodInSpec_ValidAgainstOfficialOpenApi()
    {
        await using var h = await SlackAdapterHarness.StartAsync(slack => slack.RegisterOAuthCode("code1", "T0NEW", "xoxb-new"), startSocket: false);
        var api = h.Services.GetRequiredService<SlackWebApi>();
        var token = new SlackToken(SlackAdapterHarness.TeamId, SlackAdapterHarness.BotToken);
        var reply = new Reply { Title = "T", Text = "x", Progress = new Progress(1, 10), Choices = [new Choice("a", "A", ChoiceStyle.Primary), Choice.Link("Petition", "https://example.org")] };

        await h.Services.GetRequiredService<IChatPlatform>().PostAsync(new ChannelRef(PlatformKind.Slack, token.TeamId, "C1"), new OutboundMessage("k", "T", "x", new Progress(1, 2)));
        await api.PostEphemeralAsync(token, "C1", "U0STUDENT", "x", BlockKitRenderer.MessageBlocks(reply));
        await api.OpenViewAsync(token, "1.2.3", BlockKitRenderer.ModalView(new FormSpec("f", "Form", [new FormField("name", "Name", 100)]), "C1"));
        await api.UpdateViewAsync(token, "V1", BlockKitRenderer.LoadingView());
        await api.OpenDirectMessageAsync(token, "U0STUDENT");
        await api.GetUserAdminAsync(token, "U0STUDENT");
        await api.ListUserGroupsAsync(token);
        await api.OAuthAccessAsync(h.Slack.ClientId, h.Slack.ClientSecret, "code1", "http://127.0.0.1/slack/oauth/callback");

        var checkedMethods = new HashSet<string>();
        foreach (var call in h.Slack.Calls.Where(c => SlackOpenApi.Knows(c.Method)))
        {
            JsonNode body = call.Json ?? new JsonObject(call.Form.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)JsonValue.Create(kv.Value))));
            Assert.True(SlackOpenApi.IsValid(call.Method, body), $"{call.Method}: {call.Body}");
            checkedMethods.Add(call.Method);
        }

        Assert.Equal(8, checkedMethods.Count);
    }
}
