using System.Net;
using AngleSharp.Html.Parser;

namespace HousingSelfService.Benchmarks.Infrastructure;

/// <summary>
/// A demo resident signed in through the real login form (antiforgery token and all); the resulting cookies are
/// replayed by HTTP clients, Playwright contexts and Lighthouse.
/// </summary>
internal sealed class SignedInResident
{
    /// <summary>Fatima Begum: has an open repair, so the dashboard shows every section and links to a repair.</summary>
    public const string Email = "repairs@demo.housing.test";

    /// <summary>The public demo password (README, "Demo sign-ins").</summary>
    public const string Password = "Demo-Housing-2026";

    private SignedInResident(IReadOnlyList<Cookie> cookies) => Cookies = cookies;

    public IReadOnlyList<Cookie> Cookies { get; }

    /// <summary>The value of a Cookie request header.</summary>
    public string CookieHeader => string.Join("; ", Cookies.Select(c => $"{c.Name}={c.Value}"));

    public static async Task<SignedInResident> SignInAsync(Uri app)
    {
        var jar = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = jar, AllowAutoRedirect = false }) { BaseAddress = app };
        var login = await new HtmlParser().ParseDocumentAsync(await http.GetStringAsync(new Uri("/Account/Login", UriKind.Relative)));
        var form = login.QuerySelector("form[method=post]") ?? throw new InvalidOperationException("The login page has no form.");
        var fields = form.QuerySelectorAll("input[type=hidden]")
            .Where(input => input.GetAttribute("name") is not null)
            .ToDictionary(input => input.GetAttribute("name")!, input => input.GetAttribute("value") ?? "");
        fields["Input.Email"] = Email;
        fields["Input.Password"] = Password;
        using var body = new FormUrlEncodedContent(fields);
        var action = form.GetAttribute("action") is { Length: > 0 } target ? target : "/Account/Login";
        using var response = await http.PostAsync(new Uri(action, UriKind.RelativeOrAbsolute), body);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in as {Email} did not redirect: {(int)response.StatusCode}.");
        }

        return new SignedInResident(jar.GetCookies(app).ToList());
    }

    /// <summary>An HTTP client that sends the resident's cookies and does not follow redirects.</summary>
    public HttpClient NewHttpClient(Uri app)
    {
        var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = app };
        client.DefaultRequestHeaders.Add("Cookie", CookieHeader);
        return client;
    }
}
