using PetitionBot.Benchmarks;

return await BenchmarkRunner.RunAsync(args);
