using System.Text.RegularExpressions;

namespace HousingSelfService.Web.Infrastructure.Notifications;

/// <summary>
/// A message template as Notify keeps them: an id, a channel, a subject (email only) and a body with
/// <c>((placeholder))</c> fields. Features register theirs with <see cref="NotificationServiceCollectionExtensions.AddNotificationTemplate"/>.
/// </summary>
public sealed partial record NotificationTemplate(string Id, NotificationChannel Channel, string? Subject, string Body)
{
    /// <summary>The placeholder names the subject and body use.</summary>
    public IReadOnlySet<string> Placeholders =>
        Placeholder().Matches($"{Subject}\n{Body}").Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Fills the placeholders; Notify refuses a message with any value missing, and so does this.</summary>
    public (string? Subject, string Body) Render(IReadOnlyDictionary<string, string> personalisation)
    {
        var values = new Dictionary<string, string>(personalisation, StringComparer.OrdinalIgnoreCase);
        var missing = Placeholders.Where(name => !values.ContainsKey(name)).Order(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            throw new NotificationException(400, "BadRequestError", $"Missing personalisation: {string.Join(", ", missing)}");
        }

        string Fill(string text) => Placeholder().Replace(text, m => values[m.Groups["name"].Value]);
        return (Subject is null ? null : Fill(Subject), Fill(Body));
    }

    [GeneratedRegex(@"\(\((?<name>[^()]+?)\)\)")]
    private static partial Regex Placeholder();
}
