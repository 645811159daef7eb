using Mutuality.Domain.Support;

namespace Mutuality.Domain.Tests.Support;

public sealed class FeedSignalTests
{
    [Theory]
    [InlineData(null, Visibility.Private, false)] // a private moment is written
    [InlineData(Visibility.Private, Visibility.Private, false)] // a private moment is edited
    [InlineData(Visibility.Private, null, false)] // a private moment is deleted
    [InlineData(null, Visibility.Shared, true)] // a shared moment is written
    [InlineData(Visibility.Shared, Visibility.Shared, true)] // a shared moment is edited
    [InlineData(Visibility.Private, Visibility.Shared, true)] // it becomes a new item for the partner
    [InlineData(Visibility.Shared, Visibility.Private, true)] // it leaves the partner's view
    [InlineData(Visibility.Shared, null, true)] // a shared moment is deleted
    public void ThePartnerIsSignalled_OnlyWhenTheChangeTouchesWhatTheyMaySee(Visibility? before, Visibility? after, bool signalled)
        => Assert.Equal(signalled, FeedSignal.Tell(FeedSignal.PartnerSees(before), FeedSignal.PartnerSees(after)));
}
