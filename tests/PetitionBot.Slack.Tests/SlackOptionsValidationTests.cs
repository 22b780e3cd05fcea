namespace PetitionBot.Slack.Tests;

public sealed class SlackOptionsValidationTests
{
    [Theory]
    [InlineData("00:00:00")]
    [InlineData("00:00:03")]
    [InlineData("-00:00:01")]
    public void Validate_FormAckBudgetOutsideSlacksDeadline_OneSentenceNamingTheKey(string budget)
    {
        var result = new SlackOptionsValidation().Validate(null, new SlackOptions { FormAckBudget = TimeSpan.Parse(budget, System.Globalization.CultureInfo.InvariantCulture) });

        Assert.True(result.Failed);
        Assert.Equal(
            "Slack:FormAckBudget must be more than 0 and at most 00:00:02.5 (Slack gives up on an acknowledgement after 3 s)",
            Assert.Single(result.Failures!));
    }

    [Fact]
    public void Validate_Defaults_Succeed()
    {
        var options = new SlackOptions();

        Assert.True(new SlackOptionsValidation().Validate(null, options).Succeeded);
        Assert.True(options.FormAckBudget < options.AckBudget);
    }
}
