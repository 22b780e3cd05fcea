using System.Text.Json;
using PetitionBot.Core.Interactions;
using PetitionBot.Discord.Api;
using PetitionBot.Discord.Gateway;
using PetitionBot.Discord.Rendering;

namespace PetitionBot.Discord.Tests.Api;

/// <summary>The exact JSON the generated contract writes and what it reads: discriminators, omitted nulls, the nulls
/// Discord needs, and the handoff file's names.</summary>
public sealed class DiscordJsonContextTests
{
    private static DiscordJsonContext Json => DiscordJsonContext.Default;

    [Fact]
    public void Serialize_FirstHeartbeat_DataWrittenAsNull()
    {
        Assert.Equal("""{"op":1,"d":null}""", JsonSerializer.Serialize(new GatewayPayload<long?>(1, null), Json.HeartbeatCommand));
        Assert.Equal("""{"op":1,"d":42}""", JsonSerializer.Serialize(new GatewayPayload<long?>(1, 42), Json.HeartbeatCommand));
    }

    [Fact]
    public void Serialize_IdentifyAndResume_ProtocolShapeAndTokenNeverPrinted()
    {
        var identify = new GatewayPayload<IdentifyPayload>(2, new IdentifyPayload("secret-token", 1, IdentifyPropertiesPayload.PetitionBot));
        var resume = new GatewayPayload<ResumePayload>(6, new ResumePayload("secret-token", "s1", null));

        Assert.Equal("""{"op":2,"d":{"token":"secret-token","intents":1,"properties":{"os":"linux","browser":"petitionbot","device":"petitionbot"}}}""",
            JsonSerializer.Serialize(identify, Json.IdentifyCommand));
        Assert.Equal("""{"op":6,"d":{"token":"secret-token","session_id":"s1","seq":null}}""", JsonSerializer.Serialize(resume, Json.ResumeCommand));
        Assert.DoesNotContain("secret-token", identify.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("secret-token", resume.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_MessageWithRows_EachComponentCarriesTypeAndNullsOmitted()
    {
        var reply = new Reply
        {
            Text = "pick",
            Choices = [new Choice("yes", "Yes", ChoiceStyle.Success), new Choice("docs", "Docs", ChoiceStyle.Link, "https://example.test")],
            Menu = new Menu("menu", "Choose", [new MenuOption("a", "A")]),
        };

        var json = JsonSerializer.Serialize(ReplyRenderer.Message(reply, ephemeral: true), Json.MessagePayload);

        Assert.Equal(
            """{"content":"pick","components":[""" +
            """{"type":1,"components":[{"type":3,"custom_id":"menu","placeholder":"Choose","min_values":1,"max_values":1,"options":[{"label":"A","value":"a"}]}]},""" +
            """{"type":1,"components":[{"type":2,"style":3,"label":"Yes","custom_id":"yes"},{"type":2,"style":5,"label":"Docs","url":"https://example.test"}]}],""" +
            "\"flags\":64,\"allowed_mentions\":{\"parse\":[]}}",
            json);
    }

    [Fact]
    public void Serialize_CallbacksThroughBaseType_TypeAndTypedData()
    {
        var modal = ReplyRenderer.Modal(new FormSpec("tok", "Sign", [new FormField("name", "Name", 80)]));

        Assert.Equal("""{"type":1}""", JsonSerializer.Serialize(new InteractionCallbackPayload(InteractionCallbackPayload.Pong), Json.InteractionCallbackPayload));
        Assert.Equal("""{"type":5,"data":{"flags":64,"allowed_mentions":{"parse":[]}}}""", JsonSerializer.Serialize<InteractionCallbackPayload>(
            new MessageCallbackPayload(InteractionCallbackPayload.DeferredMessage, new MessagePayload { Flags = 64 }), Json.InteractionCallbackPayload));
        Assert.Equal("""{"type":8,"data":{"choices":[{"name":"A","value":"a"}]}}""", JsonSerializer.Serialize<InteractionCallbackPayload>(
            new AutocompleteCallbackPayload(new AutocompleteResultPayload([new AutocompleteChoicePayload("A", "a")])), Json.InteractionCallbackPayload));
        Assert.Equal(
            """{"type":9,"data":{"custom_id":"tok","title":"Sign","components":[{"type":18,"label":"Name","component":""" +
            """{"type":4,"custom_id":"name","style":1,"max_length":80,"required":true}}]}}""",
            JsonSerializer.Serialize<InteractionCallbackPayload>(new ModalCallbackPayload(modal), Json.InteractionCallbackPayload));
    }

    [Fact]
    public void Deserialize_UnknownComponentType_BaseRecordWithNothingInIt()
    {
        var data = JsonSerializer.Deserialize("""{"data":{"components":[{"type":10,"content":"x"},{"id":3},{"type":4,"custom_id":"a","value":"b"}]}}""",
            Json.InteractionPayload)!.Data!;

        Assert.Equal(typeof(ComponentPayload), data.Components![0].GetType());
        Assert.Equal(typeof(ComponentPayload), data.Components[1].GetType());
        Assert.Equal(new TextInputPayload { CustomId = "a", Value = "b" }, data.Components[2]);
    }

    [Fact]
    public void Deserialize_GatewayHeader_ReadsOpSequenceAndNameWhereverTheyStand()
    {
        var header = JsonSerializer.Deserialize("""{"d":{"id":"1","big":[1,2,{"x":[]}]},"t":"GUILD_CREATE","s":7,"op":0}""", Json.GatewayHeader)!;

        Assert.Equal((0, 7L, "GUILD_CREATE"), (header.Op, header.S, header.T));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"d":null,"s":null}""", Json.GatewayHeader));
    }

    [Fact]
    public void HandoffFile_CamelCaseNames_WrittenAndReadAsBefore()
    {
        var saved = new DateTimeOffset(2026, 12, 4, 20, 0, 0, TimeSpan.Zero);
        var state = new GatewaySessionState("s1", "wss://resume.test", 42, saved);

        var json = JsonSerializer.Serialize(state, Json.GatewaySessionState);
        var older = JsonSerializer.Deserialize("""{"sessionId":"s1","resumeUrl":"wss://resume.test","sequence":42,"savedAt":"2026-12-04T20:00:00+00:00"}""",
            Json.GatewaySessionState);

        Assert.Equal("""{"sessionId":"s1","resumeUrl":"wss://resume.test","sequence":42,"savedAt":"2026-12-04T20:00:00+00:00"}""", json);
        Assert.Equal(state, older);
    }
}
