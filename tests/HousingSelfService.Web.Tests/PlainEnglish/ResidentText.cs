using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HousingSelfService.Web.Tests.PlainEnglish;

/// <summary>One piece of text a person reads: a paragraph, heading, label, hint or C# message string.</summary>
public sealed record Message(string File, string Text, bool ForOfficers);

/// <summary>
/// Gathers the words people read from the web app's source: the text of every .razor page and component, the
/// Label/Hint/Title/aria-label/Legend attributes, and the sentence-like string literals in C# (wording classes,
/// validation messages, notification templates, failure messages). Code, logs and exception messages are left out.
/// Reading the source rather than rendering finds every state of every page, including ones hard to reach in a test;
/// a value filled in at run time is read as the one-syllable word "X".
/// </summary>
public static partial class ResidentText
{
    /// <summary>Source that no resident or officer reads: database, hosting, start-up and demo plumbing.</summary>
    private static readonly string[] NotReadByPeople =
    [
        "Data/", "Deploy/", "Program.cs", "Infrastructure/ScaleOut/", "Infrastructure/EmbeddedCouncilApi.cs",
        "Infrastructure/HousingInitialiser.cs", "Infrastructure/DemoSignIns.cs", "obj/", "bin/",
    ];

    /// <summary>Pages only housing officers see; they may use officer terms (still plain).</summary>
    private static readonly string[] OfficerOnly = ["Features/Officer/", "Features/Assist/AssistBanner"];

    private static readonly string[] ReadAttributes = ["Label", "Hint", "Title", "Legend", "aria-label", "title", "placeholder", "alt"];

    private static readonly string[] InlineTags = ["a", "strong", "em", "b", "i", "span", "abbr", "code", "time", "small", "br", "text"];

    public static DirectoryInfo WebProject { get; } = FindWebProject();

    public static IReadOnlyList<Message> All()
    {
        var root = WebProject.FullName;
        return
        [
            .. from path in Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories)
               let relative = Path.GetRelativePath(root, path).Replace('\\', '/')
               where !NotReadByPeople.Any(relative.StartsWith)
               let extension = Path.GetExtension(path)
               where extension is ".razor" or ".cs"
               let source = File.ReadAllText(path)
               from text in extension == ".razor" ? FromRazor(source) : FromCSharp(source)
               select new Message(relative, text, OfficerOnly.Any(relative.StartsWith)),
        ];
    }

    /// <summary>The sentence-like string literals in C# source (concatenations joined; holes read as "X").</summary>
    public static IReadOnlyList<string> FromCSharp(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var root = CSharpSyntaxTree.ParseText(source, cancellationToken: TestContext.Current.CancellationToken).GetRoot();
        var outermost = new HashSet<ExpressionSyntax>();
        foreach (var literal in root.DescendantNodes().OfType<ExpressionSyntax>().Where(IsStringLiteral))
        {
            var top = literal;
            while (top.Parent is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression } or ParenthesizedExpressionSyntax)
            {
                top = (ExpressionSyntax)top.Parent;
            }

            if (!IsCode(top))
            {
                outermost.Add(top);
            }
        }

        // A notification template's ((placeholder)) is filled in when it is sent, like an interpolation hole.
        return [.. outermost.OrderBy(e => e.SpanStart).Select(e => Placeholder().Replace(TextOf(e), "X")).Where(LooksLikeWords)];
    }

    /// <summary>The text of a Razor file's markup (split at block elements) and of its @code block's strings.</summary>
    public static IReadOnlyList<string> FromRazor(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        source = RazorComment().Replace(source, "");
        var messages = new List<string>();
        var code = CodeBlock().Match(source);
        if (code.Success)
        {
            var body = "class C " + source[(code.Index + code.Length - 1)..];
            var type = CSharpSyntaxTree.ParseText(body, cancellationToken: TestContext.Current.CancellationToken)
                .GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>().First();
            messages.AddRange(FromCSharp(body[..type.CloseBraceToken.Span.End]));
            source = source[..code.Index] + body[type.CloseBraceToken.Span.End..];
        }

        var markup = new StringBuilder();
        foreach (var line in source.Split('\n'))
        {
            var trimmed = line.Trim();
            if (!RazorCodeLine().IsMatch(trimmed))
            {
                markup.AppendLine(line);
            }
        }

        var text = new StringBuilder();
        var input = markup.ToString();
        for (var i = 0; i < input.Length; i++)
        {
            var c = input[i];
            if (c == '<' && i + 1 < input.Length && (char.IsLetter(input[i + 1]) || input[i + 1] is '/' or '!'))
            {
                var end = EndOfTag(input, i);
                var tag = input[i..end];
                var name = TagName().Match(tag).Groups[1].Value;
                if (name is "style" or "script" && !tag.StartsWith("</", StringComparison.Ordinal))
                {
                    end = input.IndexOf($"</{name}>", end, StringComparison.OrdinalIgnoreCase);
                }

                foreach (Match attribute in Attribute().Matches(tag))
                {
                    if (ReadAttributes.Contains(attribute.Groups[1].Value))
                    {
                        messages.Add(InlineExpressions(attribute.Groups[2].Value));
                    }
                }

                text.Append(InlineTags.Contains(name.ToLowerInvariant()) ? " " : "\u0001");
                i = end;
            }
            else if (c == '@')
            {
                i = SkipExpression(input, i, text);
            }
            else
            {
                text.Append(c);
            }
        }

        messages.AddRange(text.ToString().Split('\u0001'));
        return [.. messages.Select(Tidy).Where(LooksLikeWords)];
    }

    private static string InlineExpressions(string value)
    {
        var text = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '@')
            {
                i = SkipExpression(value, i, text);
            }
            else
            {
                text.Append(value[i]);
            }
        }

        return text.ToString();
    }

    /// <summary>Reads a Razor @expression at <paramref name="at"/>, appends "X" for it, returns its last index.</summary>
    private static int SkipExpression(string input, int at, StringBuilder text)
    {
        if (at > 0 && char.IsLetterOrDigit(input[at - 1]))
        {
            text.Append('@'); // an email address, not code
            return at;
        }

        if (at + 1 < input.Length && input[at + 1] == '@')
        {
            text.Append('@');
            return at + 1;
        }

        var i = at + 1;
        while (i < input.Length)
        {
            var c = input[i];
            if (c is '(' or '[')
            {
                i = Balanced(input, i);
            }
            else if (char.IsLetterOrDigit(c) || c == '_' || (c is '.' or '?' && i + 1 < input.Length && char.IsLetter(input[i + 1])))
            {
                i++;
            }
            else
            {
                break;
            }
        }

        text.Append('X');
        return i - 1;
    }

    /// <summary>The index after the bracket that closes the one at <paramref name="open"/>, skipping strings.</summary>
    private static int Balanced(string input, int open)
    {
        var depth = 0;
        for (var i = open; i < input.Length; i++)
        {
            switch (input[i])
            {
                case '"':
                    i = input.IndexOf('"', i + 1);
                    if (i < 0)
                    {
                        return input.Length;
                    }

                    break;
                case '(' or '[':
                    depth++;
                    break;
                case ')' or ']':
                    if (--depth == 0)
                    {
                        return i + 1;
                    }

                    break;
            }
        }

        return input.Length;
    }

    private static int EndOfTag(string input, int open)
    {
        if (input.AsSpan(open).StartsWith("<!--"))
        {
            var close = input.IndexOf("-->", open, StringComparison.Ordinal);
            return close < 0 ? input.Length - 1 : close + 2;
        }

        for (var i = open; i < input.Length; i++)
        {
            if (input[i] == '"')
            {
                var close = input.IndexOf('"', i + 1);
                i = close < 0 ? input.Length : close;
            }
            else if (input[i] == '>')
            {
                return i;
            }
        }

        return input.Length - 1;
    }

    private static bool IsStringLiteral(ExpressionSyntax expression) =>
        expression is InterpolatedStringExpressionSyntax || expression.IsKind(SyntaxKind.StringLiteralExpression);

    /// <summary>Strings in logs, exceptions, attributes (other than validation messages) and nameof are for developers.</summary>
    private static bool IsCode(ExpressionSyntax expression) => expression.Ancestors()
        .TakeWhile(node => node is not AttributeArgumentSyntax { NameEquals.Name.Identifier.ValueText: "ErrorMessage" })
        .Any(node => node switch
    {
        AttributeSyntax => true,
        ThrowStatementSyntax or ThrowExpressionSyntax => true,
        ObjectCreationExpressionSyntax creation => creation.Type.ToString().EndsWith("Exception", StringComparison.Ordinal),
        InvocationExpressionSyntax invocation => invocation.Expression.ToString() is var called
            && (LoggingCall().IsMatch(called) || called.EndsWith("Exception", StringComparison.Ordinal)),
        _ => false,
    });

    private static string TextOf(ExpressionSyntax expression) => expression switch
    {
        LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression) => literal.Token.ValueText,
        InterpolatedStringExpressionSyntax interpolated => string.Concat(interpolated.Contents.Select(part =>
            part is InterpolatedStringTextSyntax text ? text.TextToken.ValueText : "X")),
        BinaryExpressionSyntax binary => TextOf(binary.Left) + TextOf(binary.Right),
        ParenthesizedExpressionSyntax parenthesized => TextOf(parenthesized.Expression),
        _ => "X",
    };

    /// <summary>At least two words, and nothing that reads as code, markup, a route, a key or a format.</summary>
    private static bool LooksLikeWords(string text) =>
        Readability.Words(text).Count(word => word.Any(char.IsLetter)) >= 2 && !CodeLike().IsMatch(text);

    private static string Tidy(string text) => Whitespace().Replace(WebUtility.HtmlDecode(text), " ").Trim();

    private static DirectoryInfo FindWebProject()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var web = new DirectoryInfo(Path.Combine(directory.FullName, "src", "HousingSelfService.Web"));
            if (web.Exists)
            {
                return web;
            }
        }

        throw new DirectoryNotFoundException("src/HousingSelfService.Web not found above the test output folder.");
    }

    [GeneratedRegex(@"@\*.*?\*@", RegexOptions.Singleline)]
    private static partial Regex RazorComment();

    [GeneratedRegex(@"^@code\s*\{", RegexOptions.Multiline)]
    private static partial Regex CodeBlock();

    /// <summary>Razor directives and control flow, which are code on a line of their own.</summary>
    [GeneratedRegex(@"^(?:@(?:page|attribute|inject|using|inherits|implements|layout|rendermode|typeparam|namespace|if|foreach|for|switch|while|do|\{)\b|[{}]|\}?\s*else\b|case\b.*:$|default:$|break;$|return;$|\}\s*$)")]
    private static partial Regex RazorCodeLine();

    [GeneratedRegex(@"^</?([A-Za-z][\w:.-]*)")]
    private static partial Regex TagName();

    [GeneratedRegex(@"\s([A-Za-z][\w:.-]*)=""([^""]*)""")]
    private static partial Regex Attribute();

    [GeneratedRegex(@"\bLog[A-Z]\w*$|\.Log\w*$|\bLogger\b")]
    private static partial Regex LoggingCall();

    [GeneratedRegex(@"[{}<>=\\|_]|^\s*[/#.:]|://|\w\.\w+\(|^[\w-]+:[\w-]+$|\b[a-z]+[A-Z]\w*\b|^[a-z-]+(?: [a-z-]+)*$")]
    private static partial Regex CodeLike();

    [GeneratedRegex(@"\(\([^)]*\)\)")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
