using System.Text.Json;
using PetitionBot.Core.Interactions;
using PetitionBot.Core.Model;
using PetitionBot.Discord.Interactions;

namespace PetitionBot.Discord.Tests.Interactions;

/// <summary>Parsing the verbatim examples of the protocol brief and edge cases.</summary>
public sealed class InteractionParserTests
{
    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement;

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

        Assert.Equal("", actor.WorkspaceId);
        Assert.Equal("42", actor.UserId);
        Assert.Empty(actor.RoleIds);
        Assert.False(actor.IsServerAdmin);
    }

    [Fact]
    public void ModalFields_MixedLabelAndActionRowShapes_AllFieldsRead()
    {
        var fields = InteractionParser.ModalFields(Parse("""
            {"custom_id":"f","components":[
              {"type":18,"id":1,"component":{"type":4,"id":2,"custom_id":"name","value":"Ana"}},
              {"type":1,"components":[{"type":4,"custom_id":"school","value":"State"}]},
              {"type":18,"id":5,"component":{"type":3,"id":6,"custom_id":"stage","values":["MS2"]}}]}
            """));

        Assert.Equal(new Dictionary<string, string> { ["name"] = "Ana", ["school"] = "State", ["stage"] = "MS2" }, fields);
    }

    [Fact]
    public void Parse_MissingToken_Ignored()
    {
        Assert.Null(InteractionParser.Parse(Parse("""{"id":"1","type":2}""")));
    }
}
