using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Mutuality.Web.Data;
using Mutuality.Web.Features.Shared;

namespace Mutuality.Web.Features.Demo;

/// <summary>Settings under "Demo". Start with <c>--demo</c> (or <c>Demo__Enabled=true</c>) to seed the demo couple.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    public bool Enabled { get; set; }

    [Required(AllowEmptyStrings = false, ErrorMessage = "Demo:Password must be set.")]
    [MinLength(10, ErrorMessage = "Demo:Password must be at least 10 characters (the sign-in rule for everyone).")]
    public string Password { get; set; } = "demo-couple-2026";
}

/// <summary>
/// Seeds a believable couple, Robin and Sam, so a newcomer sees every screen populated. Idempotent:
/// a second start finds them and only prints the sign-ins. Features add their own history through
/// <see cref="IDemoHistory"/>.
/// </summary>
public static class DemoSeeder
{
    public const string RobinEmail = "robin@demo.mutuality.invalid";
    public const string SamEmail = "sam@demo.mutuality.invalid";

    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var db = sp.GetRequiredService<AppDbContext>();
        var clock = sp.GetRequiredService<TimeProvider>();
        var options = sp.GetRequiredService<IOptions<DemoOptions>>().Value;
        var now = clock.GetUtcNow().UtcDateTime;

        var robin = await EnsureUserAsync(users, RobinEmail, "Robin", "Europe/London", options.Password, now.AddDays(-130));
        var sam = await EnsureUserAsync(users, SamEmail, "Sam", "America/New_York", options.Password, now.AddDays(-129));

        var coupleId = await db.CoupleMembers.Where(m => m.UserId == robin.Id && m.LeftAtUtc == null).Select(m => (Guid?)m.CoupleId).SingleOrDefaultAsync(ct);
        if (coupleId is null)
        {
            var started = now.AddDays(-128);
            var couple = new Data.Couple { Id = Guid.CreateVersion7(), CreatedAtUtc = started };
            couple.Members.Add(new CoupleMember { Id = Guid.CreateVersion7(), CoupleId = couple.Id, UserId = robin.Id, JoinedAtUtc = started });
            couple.Members.Add(new CoupleMember { Id = Guid.CreateVersion7(), CoupleId = couple.Id, UserId = sam.Id, JoinedAtUtc = started.AddHours(3) });
            db.Couples.Add(couple);
            await db.SaveChangesAsync(ct);
            coupleId = couple.Id;

            foreach (var history in sp.GetServices<IDemoHistory>())
            {
                await history.SeedAsync(new DemoCouple(coupleId.Value, robin.Id, sam.Id, now), ct);
            }
        }

        Console.WriteLine("Mutuality demo couple is ready. Sign in as either partner:");
        Console.WriteLine($"  Robin: {RobinEmail} / {options.Password}");
        Console.WriteLine($"  Sam:   {SamEmail} / {options.Password}");
    }

    private static async Task<AppUser> EnsureUserAsync(UserManager<AppUser> users, string email, string name, string zone, string password, DateTime createdAt)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is not null)
        {
            return user;
        }

        user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, TimeZoneId = zone, CreatedAtUtc = createdAt };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Could not create the demo user: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }

        return user;
    }
}
