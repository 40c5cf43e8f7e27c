using System.Text;
using HousingSelfService.Web.Features.Rent;
using HousingSelfService.Web.Features.Rent.Statements;
using Shouldly;

namespace HousingSelfService.Web.Tests.Features.Rent;

public sealed class StatementDocumentsTests
{
    private static readonly StatementHeader Header = new("2212345678", new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31), new DateTime(2026, 4, 1, 9, 0, 0));

    private static IReadOnlyList<StatementRow> Rows(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new StatementRow(new DateOnly(2026, 1, 5).AddDays(i), i % 2 == 0 ? "Rent" : "Card payment",
            i % 2 == 0 ? 120.5m : null, i % 2 == 0 ? null : 120.5m, i % 2 == 0 ? 120.5m : 0m))];

    [Fact]
    public void The_CSV_has_a_header_plain_dates_and_amounts_and_a_byte_order_mark_for_spreadsheets()
    {
        var bytes = StatementDocuments.Csv(Header, Rows(2));

        bytes.Take(3).ShouldBe(Encoding.UTF8.GetPreamble());
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        lines.ShouldBe([
            "Date,Description,Charged,Paid,Balance (positive means you owe)",
            "2026-01-05,\"Rent\",120.50,,120.50",
            "2026-01-06,\"Card payment\",,120.50,0.00",
        ]);
        StatementDocuments.FileName(Header, "csv").ShouldBe("rent-statement-2212345678-2026-01-01-to-2026-03-31.csv");
    }

    [Fact]
    public void The_PDF_is_made_with_embedded_fonts_and_runs_to_more_pages_for_long_statements()
    {
        var shortPdf = StatementDocuments.Pdf(Header, Rows(3));
        var longPdf = StatementDocuments.Pdf(Header, Rows(120));

        Encoding.ASCII.GetString(shortPdf, 0, 5).ShouldBe("%PDF-");
        var text = Encoding.Latin1.GetString(shortPdf);
        text.ShouldContain("/FontFile2"); // the font travels inside the file: no system fonts needed to make or read it
        text.ShouldContain("DejaVu");
        PageCount(shortPdf).ShouldBe(1);
        PageCount(longPdf).ShouldBeGreaterThan(2);
    }

    private static int PageCount(byte[] pdf) =>
        System.Text.RegularExpressions.Regex.Count(Encoding.Latin1.GetString(pdf), @"/Type\s*/Page[^s]");
}
