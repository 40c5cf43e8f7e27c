using AngleSharp.Html.Parser;
using Xunit;

namespace HousingSelfService.IntegrationTests.Infrastructure;

/// <summary>Submits a page's form as a browser would: its hidden fields (antiforgery token, form name) plus the given values.</summary>
public static class Forms
{
    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, string pageUrl, IDictionary<string, string> values,
        string formSelector = "main form[method=post]")
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(values);
        var page = await new HtmlParser().ParseDocumentAsync(
            await client.GetStringAsync(new Uri(pageUrl, UriKind.Relative), TestContext.Current.CancellationToken));
        var form = page.QuerySelector(formSelector) ?? throw new InvalidOperationException($"{pageUrl} has no form matching {formSelector}.");
        var fields = form.QuerySelectorAll("input[type=hidden]")
            .Where(input => input.GetAttribute("name") is not null)
            .ToDictionary(input => input.GetAttribute("name")!, input => input.GetAttribute("value") ?? "");
        foreach (var (name, value) in values)
        {
            fields[name] = value;
        }

        var action = form.GetAttribute("action") is { Length: > 0 } target ? target : pageUrl;
        using var body = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri(action, UriKind.RelativeOrAbsolute), body, TestContext.Current.CancellationToken);
    }
}
