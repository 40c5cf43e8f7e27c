using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;

namespace HousingSelfService.IntegrationTests.Infrastructure;

/// <summary>Signs in through the real login form (antiforgery token and all), as a browser would.</summary>
public static class SignIn
{
    public static async Task<HttpClient> SignedInClientAsync(this HousingAppFactory app, string email, string password)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var response = await client.PostLoginFormAsync(email, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in as {email} did not redirect: {(int)response.StatusCode}");
        }

        return client;
    }

    public static async Task<HttpResponseMessage> PostLoginFormAsync(this HttpClient client, string email, string password)
    {
        var page = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync(new Uri("/Account/Login", UriKind.Relative)));
        var form = page.QuerySelector("form[method=post]") ?? throw new InvalidOperationException("The login page has no form.");
        var fields = form.QuerySelectorAll("input[type=hidden]")
            .Where(input => input.GetAttribute("name") is not null)
            .ToDictionary(input => input.GetAttribute("name")!, input => input.GetAttribute("value") ?? "");
        fields["Input.Email"] = email;
        fields["Input.Password"] = password;
        var action = form.GetAttribute("action") is { Length: > 0 } target ? target : "/Account/Login";
        using var body = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri(action, UriKind.RelativeOrAbsolute), body);
    }
}
