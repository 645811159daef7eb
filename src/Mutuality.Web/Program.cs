using Mutuality.Web.Infrastructure.Hosting;

var builder = WebApplication.CreateBuilder(StartupArguments.Normalise(args));
builder.AddMutuality();

var app = builder.Build();
await app.UseMutualityAsync();
await app.RunAsync();

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;
