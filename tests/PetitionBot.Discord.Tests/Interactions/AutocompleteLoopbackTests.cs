using PetitionBot.Core.Interactions;
using PetitionBot.Discord.Rendering;
using PetitionBot.Discord.Tests.Support;
using PetitionBot.Fakes.Discord;

namespace PetitionBot.Discord.Tests.Interactions;

/// <summary>Slash-option autocomplete: interaction type 4 from the fake gateway → callback type 8 with ≤ 25 choices.</summary>
public sealed class AutocompleteLoopbackTests
{
    private const string Guild = "500000000000000001";
    private const string User = "600000000000001234";

    [Fact]
    public async Task Autocomplete_SchoolOption_AnswersType8WithTheCoresSuggestions()
    {
        await using var h = await DiscordHarness.StartAsync(new FakeDiscordOptions { HeartbeatIntervalMs = 60_000 });
        h.Bot.Suggester = input => Enumerable.Range(0, 40).Select(i => new Suggestion($"id{i}", $"{input.Query} school {i}")).ToList();

        var id = await h.Server.SendInteractionAsync(FakeDiscordInteractions.Autocomplete(h.Server, Guild, User, "sign", "school", "ucs"));

        await FakeDiscordServer.WaitUntilAsync(() => h.Server.CallbacksFor(id).Count > 0, "the callback");
        var callback = h.Server.CallbacksFor(id)[0];
        OpenApiSchemas.AssertValid(OpenApiSchemas.InteractionCallbackBody, callback.Json);
        Assert.Equal(8, callback.Json!["type"]!.GetValue<int>());
        var choices = callback.Json["data"]!["choices"]!.AsArray();
        Assert.Equal(25, choices.Count);
        Assert.Equal(("ucs school 0", "id0"), (choices[0]!["name"]!.GetValue<string>(), choices[0]!["value"]!.GetValue<string>()));
        var input = Assert.Single(h.Bot.Suggests);
        Assert.Equal(("school", "ucs", Guild), (input.Field, input.Query, input.Actor.ServerId));
        Assert.Empty(h.Bot.Inputs);
    }

    [Fact]
    public async Task Autocomplete_CoreThrows_AnswersEmptyChoices()
    {
        await using var h = await DiscordHarness.StartAsync(new FakeDiscordOptions { HeartbeatIntervalMs = 60_000 });
        h.Bot.Suggester = _ => throw new InvalidOperationException("boom");

        var id = await h.Server.SendInteractionAsync(FakeDiscordInteractions.Autocomplete(h.Server, Guild, User, "setup", "school", "x"));

        await FakeDiscordServer.WaitUntilAsync(() => h.Server.CallbacksFor(id).Count > 0, "the callback");
        var callback = h.Server.CallbacksFor(id)[0];
        Assert.Equal(8, callback.Json!["type"]!.GetValue<int>());
        Assert.Empty(callback.Json["data"]!["choices"]!.AsArray());
    }

    [Fact]
    public void Render_SchoolOptions_AreAutocompleteStrings()
    {
        var sign = CommandRenderer.Render(CommandCatalog.Find(CommandCatalog.Sign)!);
        var setup = CommandRenderer.Render(CommandCatalog.Find(CommandCatalog.Setup)!);

        foreach (var option in new[] { sign, setup }.Select(c => c.Options.Single(o => o.Name == CommandCatalog.SchoolOption)))
        {
            Assert.Equal((3, true), (option.Type, option.Autocomplete));
        }

        Assert.All(sign.Options.Where(o => o.Name != CommandCatalog.SchoolOption), o => Assert.Null(o.Autocomplete));
    }
}
