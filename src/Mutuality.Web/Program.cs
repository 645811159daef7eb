using Mutuality.Web.Infrastructure.Hosting;

if (Maintenance.Handles(args))
{
    return Maintenance.Run(args, Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(StartupArguments.Normalise(args));
builder.AddMutuality();

var app = builder.Build();
await app.UseMutualityAsync();
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;
