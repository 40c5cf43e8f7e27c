using System.Net;
using AngleSharp.Html.Parser;
using HousingSelfService.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace HousingSelfService.IntegrationTests.Infrastructure;

/// <summary>
/// Signs in through the real login form (antiforgery token and all), as a browser would. Officers use two-step
/// verification: the demo officer's code is computed from its documented key; pass another key for other users.
/// </summary>
public static class SignIn
{
    public static async Task<HttpClient> SignedInClientAsync(this HousingAppFactory app, string email, string password, string? authenticatorKey = null)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var response = await client.PostLoginFormAsync(email, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in as {email} did not redirect: {(int)response.StatusCode}");
        }

        if (response.Headers.Location?.OriginalString.Contains("Account/LoginWith2fa", StringComparison.OrdinalIgnoreCase) == true)
        {
            var key = authenticatorKey
                ?? (email == $"officer@{DemoSignIns.EmailDomain}" ? DemoSignIns.OfficerAuthenticatorKey
                    : throw new InvalidOperationException($"{email} uses two-step verification: pass its authenticator key."));
            using var second = await client.PostFormAsync(response.Headers.Location.OriginalString, new() { ["Input.Code"] = Totp.Code(key) });
            if (second.StatusCode != HttpStatusCode.Redirect)
            {
                throw new InvalidOperationException($"The security code for {email} was not accepted: {(int)second.StatusCode}");
            }
        }

        return client;
    }

    public static Task<HttpResponseMessage> PostLoginFormAsync(this HttpClient client, string email, string password) =>
        client.PostFormAsync("/Account/Login", new() { ["Input.Email"] = email, ["Input.Password"] = password });

    /// <summary>
    /// Opens a page and submits one of its POST forms (the first in the main content, not the header's sign-out form; or the one matching <paramref name="formSelector"/>)
    /// with its hidden fields (antiforgery token, form name) plus <paramref name="fields"/>, to the form's own address
    /// or to <paramref name="postTo"/>.
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string pageUrl, Dictionary<string, string> fields,
        string formSelector = "main form[method=post]", string? postTo = null)
    {
        // Redirects from Blazor pages carry absolute addresses; the test client wants them relative.
        // (Only http(s): on Linux "/path" parses as an absolute file URI.)
        if (pageUrl.StartsWith("http", StringComparison.OrdinalIgnoreCase) && Uri.TryCreate(pageUrl, UriKind.Absolute, out var absolute))
        {
            pageUrl = absolute.PathAndQuery;
        }

        var page = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync(new Uri(pageUrl, UriKind.Relative)));
        var form = page.QuerySelector(formSelector) ?? throw new InvalidOperationException($"{pageUrl} has no form matching {formSelector}.");
        var values = form.QuerySelectorAll("input[type=hidden]")
            .Where(input => input.GetAttribute("name") is not null)
            .ToDictionary(input => input.GetAttribute("name")!, input => input.GetAttribute("value") ?? "");
        foreach (var (name, value) in fields)
        {
            values[name] = value;
        }

        // A form without an action posts back to the page's own address, query string included.
        var action = postTo ?? (form.GetAttribute("action") is { Length: > 0 } target ? target : pageUrl);
        if (!action.StartsWith('/') && !action.Contains("://", StringComparison.Ordinal))
        {
            action = "/" + action;
        }

        using var body = new FormUrlEncodedContent(values);
        return await client.PostAsync(new Uri(action, UriKind.RelativeOrAbsolute), body);
    }
}
