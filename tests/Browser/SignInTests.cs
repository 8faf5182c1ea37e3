namespace QmInsights.Tests.Browser;

/// <summary>Behind a token the dashboard asks for it on the first 401, keeps it for the tab, and sends it with every
/// call and to the event stream.</summary>
public sealed class SignInTests(TokenDashboardFixture centre) : IClassFixture<TokenDashboardFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task The_app_asks_for_the_token_then_shows_the_centre_and_goes_live()
    {
        var browser = centre.Browser;
        await browser.Navigate(centre.AppUrl("#/centre"));
        await browser.WaitFor("document.querySelector('#sign-in').open", Patience);
        // Nothing behind the token is shown before it is given.
        Assert.False((await browser.Evaluate("!!document.querySelector('[data-kpi]')")).GetBoolean());

        await browser.Evaluate($"(() => {{ const f = document.querySelector('#sign-in-form'); f.token.value = '{centre.Token}'; f.requestSubmit(); }})()");
        await browser.WaitFor("document.querySelector('#main')?.dataset.view === 'centre' && document.querySelector('#teams')", Patience);
        Assert.False((await browser.Evaluate("document.querySelector('#sign-in').open")).GetBoolean());
        Assert.Equal(centre.Token, (await browser.Evaluate("sessionStorage.getItem('qm.token')")).GetString());
        // EventSource cannot send headers: the stream is opened with ?access_token= and must be let through.
        await browser.WaitFor("document.querySelector('#live.on')", Patience);
    }
}
