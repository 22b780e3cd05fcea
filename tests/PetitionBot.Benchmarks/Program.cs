using PetitionBot.Benchmarks;
using PetitionBot.Benchmarks.Support;

return args is [SmtpSink.Argument] ? await SmtpSink.ServeAsync() : await BenchmarkRunner.RunAsync(args);
