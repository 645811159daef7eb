using Mutuality.Web.Infrastructure.Hosting;
using Npgsql;

namespace Mutuality.Web.Tests.Platform;

public sealed class PostgresConnectionStringTests
{
    [Fact]
    public void AutomaticPreparation_IsTurnedOn_WhenTheStringSaysNothing_AndTheRestIsKept()
    {
        var result = new NpgsqlConnectionStringBuilder(DatabaseSetup.PostgresConnectionString("Host=db;Database=mutuality;Username=app;Password=secret"));
        Assert.Equal(64, result.MaxAutoPrepare);
        Assert.Equal("db", result.Host);
        Assert.Equal("mutuality", result.Database);
        Assert.Equal("app", result.Username);
        Assert.Equal("secret", result.Password);
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0", 0)]
    [InlineData("Host=db;MaxAutoPrepare=5", 5)]
    [InlineData("Host=db;max auto prepare=7", 7)]
    public void AnExplicitChoice_IsRespected(string configured, int expected)
        => Assert.Equal(expected, new NpgsqlConnectionStringBuilder(DatabaseSetup.PostgresConnectionString(configured)).MaxAutoPrepare);
}
