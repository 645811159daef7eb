using System.Threading.RateLimiting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Mutuality.Web.Data;
using Mutuality.Web.Features.Account;
using Mutuality.Web.Features.Account.Security;
using Mutuality.Web.Features.CheckIns;
using Mutuality.Web.Features.Couple;
using Mutuality.Web.Features.Demo;
using Mutuality.Web.Features.Feed;
using Mutuality.Web.Features.Help;
using Mutuality.Web.Features.Home;
using Mutuality.Web.Features.Insights;
using Mutuality.Web.Features.Intimacy;
using Mutuality.Web.Features.Moments;
using Mutuality.Web.Features.Monthly;
using Mutuality.Web.Features.Notifications;
using Mutuality.Web.Features.Phone;
using Mutuality.Web.Features.Phrasing;
using Mutuality.Web.Features.Pulse;
using Mutuality.Web.Features.Questions;
using Mutuality.Web.Features.Repair;
using Mutuality.Web.Features.Requests;
using Mutuality.Web.Features.ScheduledMail;
using Mutuality.Web.Features.Shared.PersonalData;
using Mutuality.Web.Infrastructure.Composition;
using Mutuality.Web.Infrastructure.Couples;
using Mutuality.Web.Infrastructure.Mail;
using Mutuality.Web.Infrastructure.Security;
using Mutuality.Web.Infrastructure.Settings;

namespace Mutuality.Web.Infrastructure.Hosting;

public static class AppSetup
{
    public const string AuthRateLimit = "auth";

    public const string ExportRateLimit = "export";

    /// <summary>The account pages a visitor needs before signing in (everything else requires sign-in).</summary>
    private static readonly string[] AnonymousAccountPages =
    [
        "Login", "LoginWith2fa", "LoginWithRecoveryCode", "Logout", "Register", "RegisterConfirmation",
        "ConfirmEmail", "ResendConfirmation", "ForgotPassword", "ResetPassword",
    ];

    public static WebApplicationBuilder AddMutuality(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        if (!builder.Environment.IsDevelopment())
        {
            // Structured logs in production: one JSON object a line.
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(o => o.IncludeScopes = false);
        }

        NodeMode.Validate(configuration); // issue 18: several nodes need a shared key ring protected by a certificate
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddMutualityData(configuration, builder.Environment);

        // The key ring lives apart from the data (a folder beside the database by default), so a copy of the
        // database or of its backups holds only ciphertext for the encrypted fields. Several nodes can share a
        // folder, or keep keys in the database by choice (DataProtection:KeysInDatabase=true); see docs/operations.md.
        var protection = services.AddDataProtection().SetApplicationName("Mutuality");
        if (configuration.GetValue<bool>("DataProtection:KeysInDatabase"))
        {
            protection.PersistKeysToDbContext<AppDbContext>();
        }
        else
        {
            var dataFolder = DatabaseSetup.ResolveDataFolder(configuration, builder.Environment);
            var keysFolder = configuration["DataProtection:KeysFolder"] is { Length: > 0 } configured
                ? configured
                : Path.Combine(dataFolder, "keys");
            protection.PersistKeysToFileSystem(PrivateFiles.Folder(keysFolder));
        }

        // With a certificate (a PFX file the operator gives), the key ring is encrypted at rest: a stolen data folder
        // or database backup without the certificate opens nothing. See docs/operations.md.
        if (configuration["DataProtection:CertificatePath"] is { Length: > 0 } certificatePath)
        {
            protection.ProtectKeysWithCertificate(System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(
                certificatePath, configuration["DataProtection:CertificatePassword"], System.Security.Cryptography.X509Certificates.X509KeyStorageFlags.EphemeralKeySet));
        }

        services.AddIdentity<AppUser, Microsoft.AspNetCore.Identity.IdentityRole<Guid>>(o =>
            {
                o.SignIn.RequireConfirmedEmail = true;
                o.SignIn.RequireConfirmedAccount = true;
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 4;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddUserManager<RaceSafeUserManager>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<OneUseAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider);

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/Login";
            o.Cookie.Name = "mutuality.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromDays(14);
            o.SlidingExpiration = true;
            SecurityActivity.Configure(o);
        });
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(1);
            SecurityActivity.KeepSessionOnRefresh(o);
        });
        services.AddScoped<SecurityActivity>();
        services.AddSingleton<Features.Account.Security.SignedOutSessions>(); // issue 18: sign-out reaches every node
        services.AddMemoryCache();
        services.AddAntiforgery(o =>
        {
            o.HeaderName = "RequestVerificationToken";
            o.Cookie.Name = "mutuality.af";
            o.Cookie.SameSite = SameSiteMode.Strict;
        });

        services.AddSettings<MailOptions>(MailOptions.Section).Rule(MailOptions.Failure);
        services.AddSingleton<MailKitSender>();
        services.AddSingleton<IMailSender>(sp => sp.GetRequiredService<MailKitSender>());
        services.AddTransient<IEmailSender<AppUser>, IdentityMailer>();

        services.AddSingleton<CallerQuery>();
        services.AddScoped<CallerContext>();
        services.AddSingleton<AccountLinks>();
        services.AddSingleton<PublicAddress>();
        services.AddScoped<CallerPageFilter>();
        services.AddScoped<Intents.OneRowPerIntentFilter>();

        // Each feature registers itself from its own folder: its use cases, workers, nav entries and home panels
        // (issue 19 item 3). A new feature adds one call here.
        services.AddAccount().AddCouple().AddHome().AddHelp();
        services.AddFeed().AddMoments().AddRequests().AddSupportDemo();
        services.AddCheckIns().AddMonthly().AddRepair().AddPulse().AddIntimacy().AddQuestions();
        services.AddInsights().AddPhrasing();
        services.AddScheduledMail().AddNotifications().AddPhone();
        services.AddRazorPages(o =>
            {
                o.RootDirectory = "/Features";
                o.Conventions.AuthorizeFolder("/");

                // The pages for getting in are open; /Account/Manage is not. (AllowAnonymous on the whole /Account
                // folder would win over AuthorizeFolder("/Account/Manage") — the authorisation matrix caught that.)
                foreach (var page in AnonymousAccountPages)
                {
                    o.Conventions.AllowAnonymousToPage("/Account/" + page);
                }

                o.Conventions.AllowAnonymousToPage("/Home/Index");
                o.Conventions.AllowAnonymousToFolder("/Errors");
                o.Conventions.AllowAnonymousToFolder("/Help");
            })
            .AddMvcOptions(o =>
            {
                o.Filters.AddService<CallerPageFilter>();
                o.Filters.AddService<Intents.OneRowPerIntentFilter>();
                o.ModelBinderProviders.Insert(0, new CheckboxBinderProvider());
                o.ModelMetadataDetailsProviders.Add(new Forms.PlainRequiredMessages()); // issue 16
            });

        services.AddSingleton<StorageState>(); // issue 20: honest health
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.AddNodeHealth(); // issue 18: /readyz and draining

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Attempts to sign in, register, reset, confirm, give a two-step code, invite or join: per client address
            // and endpoint (its route, so "/account/LOGIN/" and "/Couple/Join/<anything>" count against one bucket).
            // Reading the pages is never limited, except a read that carries a code or token (a confirmation link,
            // an invitation link): that is an attempt too.
            o.AddPolicy(AuthRateLimit, http => IsAttempt(http)
                ? RateLimitPartition.GetFixedWindowLimiter(
                $"{http.Connection.RemoteIpAddress}|{EndpointKey(http)}",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = Limits(http).AuthPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                })
                : RateLimitPartition.GetNoLimiter("read"));

            // Asking for an export (and bringing one in): per person, a few an hour. Reading the page or the status is never limited.
            o.AddPolicy(ExportRateLimit, http => HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
                ? RateLimitPartition.GetNoLimiter("read")
                : RateLimitPartition.GetFixedWindowLimiter(
                    "export|" + (CallerContext.UserIdOf(http.User)?.ToString() ?? http.Connection.RemoteIpAddress?.ToString()),
                    _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = Limits(http).ExportsPerHour,
                        Window = TimeSpan.FromHours(1),
                        QueueLimit = 0,
                    }));
        });

        var proxies = TrustedProxies(configuration);
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;

            // Issue 18: a balancer on another host is trusted only when named (addresses or networks); otherwise only
            // loopback, the framework's default, so nobody else can claim another client's address.
            foreach (var proxy in proxies.Addresses)
            {
                o.KnownProxies.Add(proxy);
            }

            foreach (var network in proxies.Networks)
            {
                o.KnownIPNetworks.Add(network);
            }
        });
        services.AddSettings<DemoOptions>(DemoOptions.Section);
        services.AddSettings<RateLimitOptions>(RateLimitOptions.Section);
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        return builder;
    }

    /// <summary>
    /// <c>ForwardedHeaders:KnownProxies</c>: the load balancers whose <c>X-Forwarded-For</c> is believed, each an address
    /// (<c>10.0.0.5</c>) or a network (<c>10.0.0.0/24</c>). A value that is neither stops the start with its name.
    /// </summary>
    internal static (List<System.Net.IPAddress> Addresses, List<System.Net.IPNetwork> Networks) TrustedProxies(IConfiguration configuration)
    {
        var addresses = new List<System.Net.IPAddress>();
        var networks = new List<System.Net.IPNetwork>();
        foreach (var value in configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
        {
            if (System.Net.IPAddress.TryParse(value, out var address))
            {
                addresses.Add(address);
            }
            else if (System.Net.IPNetwork.TryParse(value, out var network))
            {
                networks.Add(network);
            }
            else
            {
                throw new InvalidOperationException($"ForwardedHeaders:KnownProxies: \"{value}\" is neither an IP address nor a network such as 10.0.0.0/24.");
            }
        }

        return (addresses, networks);
    }

    private static RateLimitOptions Limits(HttpContext http) => http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;

    /// <summary>A form post, or a read carrying a code or token (confirmation and invitation links).</summary>
    internal static bool IsAttempt(HttpContext http)
        => !(HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
           || http.Request.Query.ContainsKey("code") || http.Request.RouteValues["token"] is not null;

    /// <summary>The rate-limit bucket of a request: its endpoint's route pattern, never the raw path a client can vary.</summary>
    internal static string EndpointKey(HttpContext http)
        => http.GetEndpoint() is RouteEndpoint route
            ? route.RoutePattern.RawText ?? route.DisplayName ?? "?"
            : http.GetEndpoint()?.DisplayName ?? "no-endpoint";

    public static async Task UseMutualityAsync(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Mutuality");

        // A full disk or a database that is away does not stop the start: the app says why and keeps trying (issue 20).
        var databaseReady = await StartupStorage.PrepareAsync(app, logger);
        var dataFolder = app.Services.GetRequiredService<DataFolder>();
        var mail = app.Services.GetRequiredService<IOptions<MailOptions>>().Value;
        logger.LogInformation("Data folder: {DataFolder}", dataFolder.Path);
        if (!app.Environment.IsDevelopment() && app.Services.GetRequiredService<PublicAddress>().Configured is null)
        {
            // Links are never built from the request's Host header (a client controls it) outside Development.
            const string NoAddress = "Mail:PublicBaseUrl is not set (or is not an absolute http/https address): until it is, nobody can create an account, reset a password or invite a partner, because those need e-mails or links with this instance's address. Set Mail__PublicBaseUrl to the public address, e.g. https://mutuality.example.org.";
            logger.LogWarning(NoAddress);
            Console.WriteLine("Mutuality: " + NoAddress);
        }

        // Made in the background while the app starts (issue 21: a PBKDF2 hash is start-up work that can wait), so no
        // sign-in pays for making the stand-in hash of unknown addresses; one arriving first makes it itself, once.
        _ = Task.Run(() =>
        {
            try
            {
                using var scope = app.Services.CreateScope();
                app.Services.GetRequiredService<UnknownAccountCost>().Prepare(scope.ServiceProvider.GetRequiredService<IPasswordHasher<AppUser>>());
            }
            catch (ObjectDisposedException)
            {
                // The app stopped before it got this far (a short-lived test host): nothing to prepare for.
            }
        });

        if (mail.Delivery == MailDelivery.Pickup)
        {
            logger.LogInformation("E-mails are written as .eml files to {PickupFolder}", app.Services.GetRequiredService<MailKitSender>().PickupFolder);
            Console.WriteLine($"Mutuality: e-mails land in {app.Services.GetRequiredService<MailKitSender>().PickupFolder}");
        }

        if (databaseReady && app.Services.GetRequiredService<IOptions<DemoOptions>>().Value.Enabled)
        {
            await DemoSeeder.SeedAsync(app.Services);
        }

        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseExceptionHandler("/Errors/500");
        app.UseStatusCodePagesWithReExecute("/Errors/{0}");
        app.UseMutualitySecurityHeaders();
        app.UseMiddleware<StorageUnavailable>();
        app.UseStaticFiles();
        app.UseStartupStorageGate();
        app.UseRouting();
        app.UseMiddleware<TooLargeBodies>();
        app.UseMiddleware<RequestLogging>();
        app.UseAuthentication();

        // After authentication, so the export limit can count per person; attempts to sign in are counted per address.
        app.UseRateLimiter();
        if (SharedAttemptLimits.Enabled(app.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions(), app.Configuration))
        {
            app.UseMiddleware<SharedAttemptLimits>(); // issue 18: the same limits counted across nodes, in PostgreSQL
        }

        app.UseAuthorization();
        app.MapRazorPages();
        app.MapHealthChecks("/healthz", DatabaseHealthCheck.Options);
        app.MapNodeHealth(); // issue 18: /readyz for the load balancer
        BenchEndpoints.MapBenchEndpoints(app);
        Features.Phone.PhoneEndpoints.MapPhoneEndpoints(app); // issue 15
    }
}
