using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PetitionBot.Core.Campaigns;
using PetitionBot.Core.Interactions;
using PetitionBot.Core.Ports;
using PetitionBot.Core.Reports;
using PetitionBot.Core.Tests.Support;
using PetitionBot.Storage.LiteDb;

namespace PetitionBot.Core.Tests;

public sealed class CoreServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddPetitionCore_WithLiteDbStorageFromOptions_ResolvesAndSigns()
    {
        var directory = Path.Combine(Path.GetTempPath(), "pb-di-" + Guid.NewGuid().ToString("N"));
        try
        {
            var services = new ServiceCollection();
            services.Configure<BotOptions>(o =>
            {
                o.Campaigns.Add(BotHarness.DefaultCampaign());
                o.Organizers.Add("discord:1");
            });
            services.Configure<StorageOptions>(o => o.Path = Path.Combine(directory, "bot.db"));
            services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.Zero)));
            services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
            services.AddSingleton<IChartRenderer, FakeChartRenderer>();
            services.AddSingleton<ISignerExportWriter, FakeExportWriter>();
            services.AddSingleton<IDeliveryPacketWriter, FakePacketWriter>();
            services.AddPetitionCore();
            services.AddLiteDbStorage();

            await using (var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }))
            {
                var bot = provider.GetRequiredService<IPetitionBot>();
                var actor = BotHarness.Student();
                var start = await bot.HandleAsync(CommandInput.Create(actor, null, CommandCatalog.Sign));
                var form = await bot.HandleAsync(ChoiceInput.Button(actor, null, start.Choices[0].Token));
                var confirm = await bot.HandleAsync(new FormInput(actor, null, form.Form!.Token,
                    new Dictionary<string, string> { ["name"] = "Ana Lopez", ["school"] = "UCSF", ["stage"] = "MS4" }));
                var done = await bot.HandleAsync(ChoiceInput.Button(actor, null, confirm.Choices[0].Token));

                Assert.StartsWith("Signed — you are one of 1, ", done.Text, StringComparison.Ordinal);
            }

            Assert.True(File.Exists(Path.Combine(directory, "bot.db")));
            Assert.True(File.Exists(Path.Combine(directory, "bot.db.key")));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
