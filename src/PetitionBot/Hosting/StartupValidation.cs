using Microsoft.Extensions.Options;

namespace PetitionBot.Hosting;

/// <summary>Runs every <c>ValidateOnStart</c> validation now (the chat adapters' own among them) and reports all
/// failures together as one <see cref="OptionsValidationException"/>: one line per problem, naming its key.</summary>
internal static class StartupValidation
{
    public static void Run(IServiceProvider services)
    {
        try
        {
            services.GetService<IStartupValidator>()?.Validate();
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is OptionsValidationException))
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(object),
                ex.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures));
        }
    }
}
