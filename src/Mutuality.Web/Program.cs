using Mutuality.Web.Features.Phrasing;
using Mutuality.Web.Infrastructure.Hosting;
using Mutuality.Web.Infrastructure.Settings;

if (PhrasingCli.IsRequested(args))
{
    // A command-line tool, not the web app: nothing is built or started, and only results go to standard output.
    return await PhrasingCli.RunAsync(Console.In, Console.Out);
}

if (Maintenance.Handles(args))
{
    return Maintenance.Run(args, Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(StartupArguments.Options(args));
builder.AddMutuality();

var app = builder.Build();

// A misconfiguration stops the app before it touches the database or serves anything, naming the setting (issue 19 item 7).
if (ValidatedSettings.FailureAtStart(app.Services) is { } misconfigured)
{
    await Console.Error.WriteLineAsync(misconfigured);
    return 2;
}

await app.UseMutualityAsync();
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;
