using PetitionBot.Hosting;

return await PetitionBotApp.RunAsync(args, Console.In, Console.Out, Console.Error);
