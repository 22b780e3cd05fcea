using System.Text.Json;
using PetitionBot.Core.Interactions;
using PetitionBot.Core.Model;
using PetitionBot.Discord.Api;
using PetitionBot.Discord.Interactions;

namespace PetitionBot.Discord.Tests.Interactions;

/// <summary>Parsing the verbatim examples of the protocol brief and edge cases.</summary>
public sealed class InteractionParserTests
{
    private static InteractionPayload Parse(string json) => JsonSerializer.Deserialize(json, DiscordJsonContext.Default.InteractionPayload)!;

    private static InteractionDataPayload Data(string json) => JsonSerializer.Deserialize(json, DiscordJsonContext.Default.InteractionPayload)!.Data!;

    [Fact]
    public void Parse_OfficialSlashCommandExample_CommandWithOptionsAndAdminMember()
    {
        var path = Path.Combine(Path.GetDirectoryName(Support.OpenApiSchemas.OpenApiPath())!, "interaction_slash_command_with_options.json");

        var parsed = InteractionParser.Parse(Parse(File.ReadAllText(path)))!;

        var input = Assert.IsType<CommandInput>(parsed.Input);
        Assert.Equal("cardsearch", input.Command);
        Assert.Equal("The Gitrog Monster", input.Options["cardname"]);
        Assert.Equal(new Actor(PlatformKind.Discord, "290926798626357999", "53908232506183680", input.Actor.RoleIds, true, "discord:53908232506183680"), input.Actor);
        Assert.Equal(["539082325061836999"], input.Actor.RoleIds);
        Assert.Equal("786008729715212338", parsed.Id);
        Assert.Equal("A_UNIQUE_TOKEN", parsed.Token);
    }

    [Theory]
    [InlineData("0", false)]
    [InlineData("8", true)]
    [InlineData("32", true)]
    [InlineData("2147483616", true)]
    [InlineData("2147483607", false)]
    public void ActorOf_Permissions_AdminWhenAdministratorOrManageGuild(string permissions, bool admin)
    {
        var actor = InteractionParser.ActorOf(Parse($$$"""{"guild_id":"1","member":{"user":{"id":"2"},"roles":[],"permissions":"{{{permissions}}}"}}"""));

        Assert.Equal(admin, actor.IsServerAdmin);
    }

    [Fact]
    public void ActorOf_DirectMessage_EmptyWorkspaceAndUserFromUserField()
    {
        var actor = InteractionParser.ActorOf(Parse("""{"user":{"id":"42"}}"""));

        Assert.Equal("", actor.ServerId);
        Assert.Equal("42", actor.UserId);
        Assert.Empty(actor.RoleIds);
        Assert.False(actor.IsServerAdmin);
    }

    [Fact]
    public void ModalFields_MixedLabelAndActionRowShapes_AllFieldsRead()
    {
        var fields = InteractionParser.ModalFields(Data("""
            {"data":{"custom_id":"f","components":[
              {"type":18,"id":1,"component":{"type":4,"id":2,"custom_id":"name","value":"Ana"}},
              {"type":1,"components":[{"type":4,"custom_id":"school","value":"State"}]},
              {"type":18,"id":5,"component":{"type":3,"id":6,"custom_id":"stage","values":["MS2"]}}]}}
            """));

        Assert.Equal(new Dictionary<string, string> { ["name"] = "Ana", ["school"] = "State", ["stage"] = "MS2" }, fields);
    }

    [Fact]
    public void Parse_MissingToken_Ignored()
    {
        Assert.Null(InteractionParser.Parse(Parse("""{"id":"1","type":2}""")));
    }

    [Fact]
    public void Parse_CommandWithoutDataMemberOrChannel_EmptyCommandAndAnonymousActor()
    {
        var parsed = InteractionParser.Parse(Parse("""{"id":"1","type":2,"token":"t"}"""))!;

        var input = Assert.IsType<CommandInput>(parsed.Input);
        Assert.Equal("", input.Command);
        Assert.Empty(input.Options);
        Assert.Null(input.ChannelId);
        Assert.Equal(DiscordIdentityScheme.ActorFor("", "", input.Actor.RoleIds, false), input.Actor);
        Assert.Empty(input.Actor.RoleIds);
    }

    [Fact]
    public void Parse_ComponentWithoutValuesAndModalWithoutComponents_EmptyInputs()
    {
        var choice = Assert.IsType<ChoiceInput>(InteractionParser.Parse(Parse("""{"id":"1","type":3,"token":"t","data":{"custom_id":"c"}}"""))!.Input);
        var form = Assert.IsType<FormInput>(InteractionParser.Parse(Parse("""{"id":"2","type":5,"token":"t","data":{"custom_id":"f"}}"""))!.Input);

        Assert.Equal("c", choice.Token);
        Assert.Empty(choice.Values);
        Assert.Equal("f", form.Token);
        Assert.Empty(form.Fields);
    }

    [Fact]
    public void Parse_OptionValuesOfEveryKind_TextAsWrittenAndNullOrArrayLeftOut()
    {
        var parsed = InteractionParser.Parse(Parse("""
            {"id":"1","type":2,"token":"t","data":{"name":"c","options":[
              {"name":"s","type":3,"value":"x"},{"name":"i","type":4,"value":42},{"name":"n","type":10,"value":1.50},
              {"name":"b","type":5,"value":false},{"name":"z","type":3,"value":null},{"name":"a","type":3,"value":[1,{"k":2}]},
              {"type":3,"value":"no name"}]}}
            """))!;

        var input = Assert.IsType<CommandInput>(parsed.Input);
        Assert.Equal(new Dictionary<string, string> { ["s"] = "x", ["i"] = "42", ["n"] = "1.50", ["b"] = "false" }, input.Options);
    }

    [Fact]
    public void Parse_AutocompleteFocusedInSubCommand_SuggestForNestedOption()
    {
        var parsed = InteractionParser.Parse(Parse("""
            {"id":"1","type":4,"token":"t","data":{"name":"sign","options":[{"name":"school","type":1,"options":[
              {"name":"stage","type":3,"value":"MS2"},{"name":"name","type":3,"value":"Sta","focused":true}]}]}}
            """))!;

        Assert.Null(parsed.Input);
        Assert.Equal("sign", parsed.CommandName);
        Assert.Equal(("name", "Sta"), (parsed.Suggest!.Field, parsed.Suggest.Query));
    }

    [Fact]
    public void ModalFields_UnknownAndUntypedComponents_Ignored()
    {
        var fields = InteractionParser.ModalFields(Data("""
            {"data":{"custom_id":"f","components":[
              {"type":10,"id":1,"content":"Please read this first"},
              {"type":18,"id":2,"component":{"type":19,"id":3,"custom_id":"upload","values":["111"]}},
              {"type":18,"id":4,"component":{"type":4,"id":5,"custom_id":"name","value":"Ana"}},
              {"type":1,"components":[{"type":6,"custom_id":"role","values":["9"]},{"custom_id":"x","value":"y"},{"type":4,"value":"no id"}]},
              {"type":99,"component":{"type":4,"custom_id":"hidden","value":"z"}}]}}
            """));

        Assert.Equal(new Dictionary<string, string> { ["name"] = "Ana" }, fields);
    }

    [Fact]
    public void ModalFields_TypeAfterOtherProperties_StillRead()
    {
        var fields = InteractionParser.ModalFields(Data("""
            {"data":{"components":[{"id":1,"component":{"custom_id":"name","value":"Ana","id":2,"type":4},"type":18}]}}
            """));

        Assert.Equal("Ana", fields["name"]);
    }

    [Fact]
    public void Parse_OversizedStrings_PassedToCoreWhole()
    {
        var text = new string('a', 100_000);
        var id = new string('7', 5_000);

        var form = Assert.IsType<FormInput>(InteractionParser.Parse(Parse($$$"""
            {"id":"1","type":5,"token":"t","channel_id":"{{{id}}}","data":{"custom_id":"{{{id}}}","components":[
              {"type":18,"component":{"type":4,"custom_id":"msg","value":"{{{text}}}"}}]}}
            """))!.Input);
        var command = Assert.IsType<CommandInput>(InteractionParser.Parse(Parse($$$"""
            {"id":"2","type":2,"token":"t","data":{"name":"{{{id}}}","options":[{"name":"o","type":3,"value":"{{{text}}}"}]}}
            """))!.Input);

        Assert.Equal(text, form.Fields["msg"]);
        Assert.Equal(id, form.Token);
        Assert.Equal(id, form.ChannelId);
        Assert.Equal(id, command.Command);
        Assert.Equal(text, command.Options["o"]);
    }

    [Theory]
    [InlineData("""{"id":"1","type":2,"token":"t","member":{"roles":"admin"}}""")]
    [InlineData("""{"id":"1","type":2,"token":"t","data":{"options":{"name":"x"}}}""")]
    [InlineData("""{"id":1,"type":2,"token":"t"}""")]
    public void Deserialize_WrongShape_JsonException(string json)
    {
        Assert.Throws<JsonException>(() => Parse(json));
    }
}
