using PetitionBot.Core.Flows;
using PetitionBot.Core.Interactions;
using PetitionBot.Core.Schools;
using PetitionBot.Core.Tests.Support;

namespace PetitionBot.Core.Tests.Flows;

/// <summary>The school step: prefilled from /sign school: or the server's school, resolved against the directory, and
/// an unclear entry answered with candidates and "Other — keep what I typed".</summary>
public sealed class SignFlowSchoolTests : IDisposable
{
    private readonly BotHarness bot = new();
    private readonly Model.Actor student = BotHarness.Student();

    public void Dispose() => bot.Dispose();

    [Fact]
    public async Task Form_SchoolOptionIsDirectoryId_PrefillsTheSchoolsName()
    {
        await bot.SaveServerAsync(s => s with { School = "umich" });
        var start = await bot.CommandAsync(student, CommandCatalog.Sign, ("school", "ucdavis"));
        var naming = await bot.PressAsync(student, start, "Medical student");

        var form = await bot.PressAsync(student, naming, "Count me, withhold my name");

        Assert.Equal("UC Davis School of Medicine", form.Form!.Fields.Single(f => f.Id == "school").Value);
    }

    [Fact]
    public async Task Form_ServerSchoolIdFromSetup_IsTheDefault()
    {
        await bot.SaveServerAsync(s => s with { School = "Michigan Med", SchoolId = "umich" });

        var form = await bot.FormAsync(student);

        Assert.Equal("University of Michigan Medical School", form.Form!.Fields.Single(f => f.Id == "school").Value);
    }

    [Theory]
    [InlineData("umich", "University of Michigan Medical School")]
    [InlineData("UCSF", BotHarness.Ucsf)]
    [InlineData("uc davis", "UC Davis School of Medicine")]
    public async Task Submit_IdOrKnownName_GoesStraightToPreviewWithTheDirectoryName(string typed, string name)
    {
        var confirm = await bot.SubmitAsync(student, await bot.FormAsync(student), ("name", "Ana Lopez"), ("school", typed), ("stage", "MS1"));

        Assert.Contains($"School or program: {name}\n", confirm.Text, StringComparison.Ordinal);
        var done = await bot.PressAsync(student, confirm, "Sign with my name");
        Assert.StartsWith("Signed", done.Text, StringComparison.Ordinal);
        Assert.Equal(name, (await bot.Signatures.FindAsync(BotHarness.CampaignId, student.IdentityKey))!.School);
    }

    [Fact]
    public async Task Submit_AmbiguousSchool_OffersCandidatesAndOtherAndPickingOneUsesIt()
    {
        var reply = await bot.SubmitAsync(student, await bot.FormAsync(student), ("name", "Ana Lopez"), ("school", "Touro"), ("stage", "MS1"));

        Assert.Null(reply.Form);
        Assert.Contains("\"Touro\"", reply.Text, StringComparison.Ordinal);
        Assert.Equal(
            ["Touro College of Osteopathic Medicine (DO, NY)", "Touro College of Osteopathic Medicine Montana (DO, MT)",
             "Touro University California College of Osteopathic Medicine (DO, CA)",
             "Touro University Nevada College of Osteopathic Medicine (DO, NV)", BotHarness.OtherSchool, "Edit my answers", "Cancel"],
            reply.Choices.Select(c => c.Label));
        Assert.All(reply.Choices, c => Assert.InRange(c.Token.Length, 1, Choice.MaxTokenLength));

        var confirm = await bot.PressAsync(student, reply, "Touro College of Osteopathic Medicine (DO, NY)");

        Assert.Contains("School or program: Touro College of Osteopathic Medicine\n", confirm.Text, StringComparison.Ordinal);
        await bot.PressAsync(student, confirm, "Sign with my name");
        Assert.Equal("Touro College of Osteopathic Medicine", (await bot.Signatures.FindAsync(BotHarness.CampaignId, student.IdentityKey))!.School);
    }

    [Fact]
    public async Task Submit_UnknownSchool_OtherKeepsTheTypedText()
    {
        var reply = await bot.SubmitAsync(student, await bot.FormAsync(student), ("name", "Ana Lopez"), ("school", "Escuela Latinoamericana de Medicina"), ("stage", "MS1"));
        Assert.Contains("could not find", reply.Text, StringComparison.Ordinal);

        var confirm = await bot.PressAsync(student, reply, BotHarness.OtherSchool);

        Assert.Contains("Escuela Latinoamericana de Medicina (not in our list", confirm.Text, StringComparison.Ordinal);
        await bot.PressAsync(student, confirm, "Sign with my name");
        var saved = await bot.Signatures.FindAsync(BotHarness.CampaignId, student.IdentityKey);
        Assert.Equal(("Escuela Latinoamericana de Medicina", School.OtherId), (saved!.School, saved.SchoolId));
    }

    [Fact]
    public async Task Submit_PickersOtherEntry_KeepsTheTextWithoutAskingAgain()
    {
        var typed = "Bayside Institute of Medicine";
        var other = (await bot.Bot.SuggestAsync(new SuggestInput(student, null, CommandCatalog.SchoolOption, typed)))[^1];

        var confirm = await bot.SubmitAsync(student, await bot.FormAsync(student), ("name", "Ana Lopez"), ("school", other.Value), ("stage", "MS1"));

        Assert.Contains($"{typed} (not in our list", confirm.Text, StringComparison.Ordinal);
        await bot.PressAsync(student, confirm, "Sign with my name");
        var saved = await bot.Signatures.FindAsync(BotHarness.CampaignId, student.IdentityKey);
        Assert.Equal((typed, School.OtherId), (saved!.School, saved.SchoolId));
    }

    [Fact]
    public async Task Form_SchoolOptionIsAnOtherValue_PrefillsTheTextAsOther()
    {
        var start = await bot.CommandAsync(student, CommandCatalog.Sign, ("school", "other: Bayside Institute"));
        var naming = await bot.PressAsync(student, start, "Medical student");
        var form = await bot.PressAsync(student, naming, "Sign with my name");

        Assert.Equal("Bayside Institute", form.Form!.Fields.Single(f => f.Id == "school").Value);
        var confirm = await bot.SubmitAsync(student, form, ("name", "Ana Lopez"), ("school", "Bayside Institute"), ("stage", "MS1"));
        Assert.Contains("Bayside Institute (not in our list", confirm.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_OtherValueWithoutText_RefusedAndNothingSaved()
    {
        var reply = await bot.SubmitAsync(student, await bot.FormAsync(student), ("name", "Ana Lopez"), ("school", "other:"), ("stage", "MS1"));

        Assert.StartsWith("Please fix your answers", reply.Text, StringComparison.Ordinal);
        Assert.Contains("school", reply.FieldErrors.Keys);
        Assert.Null(await bot.Signatures.FindAsync(BotHarness.CampaignId, student.IdentityKey));
    }

    [Fact]
    public async Task Edit_AfterStageError_KeepsNameAndSchoolNotTheServerDefault()
    {
        await bot.SaveServerAsync(s => s with { School = "umich" });
        var form = await bot.FormAsync(student);
        var error = await bot.SubmitAsync(student, form, ("name", "Ana Lopez"), ("school", "UC Davis"), ("stage", "MS9"));

        var edit = await bot.PressAsync(student, error, "Edit my answers");

        var fields = edit.Form!.Fields.ToDictionary(f => f.Id, f => f.Value);
        Assert.Equal("Ana Lopez", fields["name"]);
        Assert.Equal("UC Davis", fields["school"]);
        Assert.Null(fields["stage"]);
    }

    [Fact]
    public async Task Edit_FromPreview_KeepsEveryAnswer()
    {
        var confirm = await bot.FillAsync(student, name: "Ana Lopez", school: "UCSF", stage: "MS3");

        var edit = await bot.PressAsync(student, confirm, "Edit");

        Assert.Equal(["Ana Lopez", BotHarness.Ucsf, "MS3"], edit.Form!.Fields.Select(f => f.Value));
    }

    [Fact]
    public void Resolve_NoDirectoryRegistered_KeepsTheTypedSchoolWithoutAsking()
    {
        var answers = new SignAnswers { School = "Escuela de Medicina" };

        var (settled, resolved) = new SignSchoolStep(new Fallbacks.NoSchoolDirectory()).Resolve(answers);

        Assert.True(settled);
        Assert.Equal(("Escuela de Medicina", School.OtherId), (resolved.School, resolved.SchoolId));
    }
}
