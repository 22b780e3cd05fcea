using Microsoft.Extensions.Options;
using PetitionBot.Core.Ports;

namespace PetitionBot.Schools;

public static class SchoolServiceCollectionExtensions
{
    /// <summary>Registers <see cref="SchoolOptions"/> (validated on start), the <see cref="ISchoolDirectory"/> built from
    /// them, and the start-up migration of stored schools (register before the adapters: hosted services start in order).</summary>
    public static IServiceCollection AddSchoolDirectory(this IServiceCollection services)
    {
        services.AddOptions<SchoolOptions>().ValidateOnStart();
        services.AddSingleton<IConfigureOptions<SchoolOptions>, SchoolOptionsSetup>();
        services.AddSingleton<IValidateOptions<SchoolOptions>, SchoolOptionsValidation>();
        services.AddSingleton<ISchoolDirectory>(sp =>
        {
            var errors = new List<string>();
            return SchoolDirectoryLoader.TryLoad(sp.GetRequiredService<IOptions<SchoolOptions>>().Value, errors)
                ?? throw new OptionsValidationException(SchoolOptions.SectionName, typeof(SchoolOptions), errors);
        });
        services.AddHostedService<SchoolMigrationService>();
        return services;
    }
}
