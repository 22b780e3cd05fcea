using PetitionBot.Core.Campaigns;
using PetitionBot.Core.Interactions;
using PetitionBot.Core.Tests.Support;

namespace PetitionBot.Core.Tests.Flows;

/// <summary>Stages follow the role: students pick MS1–MS4 (and the campaign's other student stages), residents PGY1–PGY7
/// or Fellow, in natural order; <c>Campaigns:N:RoleStages</c> overrides.</summary>
public sealed class SignFlowStageTests : IDisposable
{
    private readonly BotHarness bot = new();
    private readonly Model.Actor student = BotHarness.Student();

    public void Dispose() => bot.Dispose();

    [Fact]
    public async Task Form_MedicalStudent_OffersStudentStagesOnly()
    {
        var form = await bot.FormAsync(student, role: "Medical student");

        Assert.Equal("MS1, MS2, MS3, MS4", form.Form!.Fields.Single(f => f.Id == "stage").Placeholder);
    }

    [Fact]
    public async Task Form_Resident_OffersResidentStagesInNaturalOrder()
    {
        var form = await bot.FormAsync(student, role: "Resident physician");

        Assert.Equal("PGY1, PGY2, PGY3, PGY4, PGY5, PGY6, PGY7, Fellow", form.Form!.Fields.Single(f => f.Id == "stage").Placeholder);
    }

    [Theory]
    [InlineData("Medical student", "PGY2", "PGY2 is not a stage for a medical student; please pick one of: MS1, MS2, MS3, MS4.")]
    [InlineData("Resident physician", "ms3", "MS3 is not a stage for a resident physician; please pick one of: PGY1, PGY2, PGY3, PGY4, PGY5, PGY6, PGY7, Fellow.")]
    [InlineData("Medical student", "Nurse", "Training stage must be one of: MS1, MS2, MS3, MS4.")]
    public async Task Submit_StageOfAnotherRole_IsRefusedWithOneSentence(string role, string stage, string error)
    {
        var form = await bot.FormAsync(student, role: role);

        var reply = await bot.SubmitAsync(student, form, ("name", "Ana Lopez"), ("school", "UCSF"), ("stage", stage));

        Assert.Equal(error, reply.FieldErrors["stage"]);
        Assert.Null(await bot.Signatures.FindAsync(BotHarness.CampaignId, student.IdentityKey));
    }

    [Fact]
    public async Task Submit_StudentWithExtraCampaignStudentStage_IsAccepted()
    {
        using var custom = new BotHarness(o => o.Campaigns[0].Stages = ["MS1", "MS2", "MS3", "MS4", "Research year", "PGY1", "PGY2", "Fellow"]);
        var form = await custom.FormAsync(student);
        Assert.Equal("MS1, MS2, MS3, MS4, Research year", form.Form!.Fields.Single(f => f.Id == "stage").Placeholder);

        var confirm = await custom.SubmitAsync(student, form, ("name", "Ana Lopez"), ("school", "UCSF"), ("stage", "research year"));

        Assert.Empty(confirm.FieldErrors);
        Assert.Contains("Training stage: Research year", confirm.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_RoleStagesConfigured_UsesThemInCampaignOrder()
    {
        using var custom = new BotHarness(o => o.Campaigns[0].RoleStages["resident physician"] = ["Fellow", "PGY1"]);
        var form = await custom.FormAsync(student, role: "Resident physician");
        Assert.Equal("PGY1, Fellow", form.Form!.Fields.Single(f => f.Id == "stage").Placeholder);

        var reply = await custom.SubmitAsync(student, form, ("name", "Ana Lopez"), ("school", "UCSF"), ("stage", "PGY3"));

        Assert.Contains("please pick one of: PGY1, Fellow", reply.FieldErrors["stage"], StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RoleStagesNamingUnknownStage_NamesTheKey()
    {
        var options = new BotOptions { Campaigns = [BotHarness.DefaultCampaign()] };
        options.Campaigns[0].RoleStages["Medical student"] = ["MS9"];

        Assert.Contains(BotOptionsValidator.Validate(options), e => e.StartsWith("Campaigns:0:RoleStages:Medical student", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Totals_ByStage_ListsStagesInNaturalOrderNotByCount()
    {
        await bot.SignAsync(BotHarness.Student("1"), stage: "PGY7");
        await bot.SignAsync(BotHarness.Student("2"), stage: "PGY7");
        await bot.SignAsync(BotHarness.Student("3"), stage: "MS4");
        await bot.SignAsync(BotHarness.Student("4"), stage: "MS1");

        var reply = await bot.CommandAsync(BotHarness.Organizer(), CommandCatalog.Totals);

        Assert.Contains("By stage:\n  MS1: 1\n  MS4: 1\n  PGY7: 2\n", reply.Text, StringComparison.Ordinal);
    }
}
