using System.Globalization;
using System.Text;
using HousingSelfService.Web.Infrastructure;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace HousingSelfService.Web.Features.Rent.Statements;

/// <summary>What a downloaded statement is about: whose account, which dates, and when it was made.</summary>
public sealed record StatementHeader(string PaymentReference, DateOnly From, DateOnly To, DateTime ProducedAt);

/// <summary>Rent statements as files: CSV for spreadsheets, and a PDF with the council's header for printing or sending on.</summary>
public static class StatementDocuments
{
    public static string FileName(StatementHeader header, string extension) =>
        $"rent-statement-{header.PaymentReference}-{header.From:yyyy-MM-dd}-to-{header.To:yyyy-MM-dd}.{extension}";

    /// <summary>Dates as yyyy-MM-dd and plain amounts, so spreadsheets read them as dates and numbers; a positive balance is owed.</summary>
    public static byte[] Csv(StatementHeader header, IReadOnlyList<StatementRow> rows)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        var csv = new StringBuilder();
        csv.AppendLine("Date,Description,Charged,Paid,Balance (positive means you owe)");
        foreach (var row in rows)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{row.Date:yyyy-MM-dd},{Quote(row.Description)},{Amount(row.Charged)},{Amount(row.Paid)},{row.Balance:0.00}")
                .AppendLine();
        }

        return Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray();
    }

    private static string Amount(decimal? amount) => amount is { } value ? value.ToString("0.00", CultureInfo.InvariantCulture) : "";

    /// <summary>Quotes a text field, and stops a spreadsheet reading it as a formula.</summary>
    private static string Quote(string text) =>
        "\"" + (text.Length > 0 && "=+-@".Contains(text[0], StringComparison.Ordinal) ? "'" + text : text).Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public static byte[] Pdf(StatementHeader header, IReadOnlyList<StatementRow> rows)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        EmbeddedFonts.Register();
        using var document = new PdfDocument();
        document.Info.Title = $"Rent statement {UkFormat.Date(header.From)} to {UkFormat.Date(header.To)}";
        document.Info.Author = CouncilContact.CouncilName;
        new PdfStatementWriter(document, header).Write(rows);
        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    private sealed class PdfStatementWriter(PdfDocument document, StatementHeader header)
    {
        private const double Margin = 50;
        private const double RowHeight = 16;
        private static readonly double[] ColumnWidths = [80, 175, 70, 70, 100];
        private static readonly string[] Headings = ["Date", "Description", "Charged", "Paid", "Balance"];
        private readonly XFont _title = new(EmbeddedFonts.Family, 18, XFontStyleEx.Bold);
        private readonly XFont _bold = new(EmbeddedFonts.Family, 9, XFontStyleEx.Bold);
        private readonly XFont _text = new(EmbeddedFonts.Family, 9, XFontStyleEx.Regular);
        private XGraphics? _graphics;
        private PdfPage? _page;
        private double _y;
        private int _pageNumber;

        public void Write(IReadOnlyList<StatementRow> rows)
        {
            NewPage();
            if (rows.Count == 0)
            {
                _graphics!.DrawString("There are no transactions in this period.", _text, XBrushes.Black, Margin, _y);
            }

            foreach (var row in rows)
            {
                if (_y + RowHeight > _page!.Height.Point - Margin)
                {
                    NewPage();
                }

                WriteRow(_text, UkFormat.Date(row.Date), row.Description,
                    row.Charged is { } charged ? UkFormat.Money(charged) : "",
                    row.Paid is { } paid ? UkFormat.Money(paid) : "",
                    RentWording.RunningBalance(row.Balance));
            }

            _graphics?.Dispose();
        }

        private void NewPage()
        {
            _graphics?.Dispose();
            _page = document.AddPage();
            _page.Size = PdfSharp.PageSize.A4;
            _graphics = XGraphics.FromPdfPage(_page);
            _pageNumber++;
            _y = Margin;
            if (_pageNumber == 1)
            {
                // The council's header: who it is from, what it is, whose account and which dates.
                _graphics.DrawRectangle(new XSolidBrush(XColor.FromArgb(0x0b, 0x4f, 0x6c)), 0, 0, _page.Width.Point, 36);
                _graphics.DrawString(CouncilContact.CouncilName, _bold, XBrushes.White, Margin, 23);
                _y = 75;
                _graphics.DrawString("Rent statement", _title, XBrushes.Black, Margin, _y);
                _y += 24;
                foreach (var line in new[]
                {
                    $"Payment reference: {header.PaymentReference}",
                    $"From {UkFormat.Date(header.From)} to {UkFormat.Date(header.To)}",
                    $"Produced {UkFormat.Date(DateOnly.FromDateTime(header.ProducedAt))}. A balance marked owed is money you owe us.",
                    $"Questions? Call {CouncilContact.Phone} ({CouncilContact.OpeningHours}).",
                })
                {
                    _graphics.DrawString(line, _text, XBrushes.Black, Margin, _y);
                    _y += 14;
                }

                _y += 12;
            }

            _graphics.DrawString($"Page {_pageNumber}", _text, XBrushes.Black, _page.Width.Point - Margin - 40, _page.Height.Point - 25);
            WriteRow(_bold, Headings);
            _graphics.DrawLine(XPens.Black, Margin, _y - 11, Margin + ColumnWidths.Sum(), _y - 11);
        }

        private void WriteRow(XFont font, params string[] cells)
        {
            var x = Margin;
            for (var i = 0; i < cells.Length; i++)
            {
                // Money columns are right-aligned so the pence line up.
                var format = i >= 2 ? XStringFormats.TopRight : XStringFormats.TopLeft;
                var box = new XRect(x, _y - 9, ColumnWidths[i] - 6, RowHeight);
                _graphics!.DrawString(cells[i], font, XBrushes.Black, box, format);
                x += ColumnWidths[i];
            }

            _y += RowHeight;
        }
    }
}

/// <summary>
/// Serves DejaVu Sans from the app's own resources, so PDFs look the same on any server, including Linux ones with no fonts installed.
/// </summary>
internal sealed class EmbeddedFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";
    private static readonly Lock Gate = new();

    public static void Register()
    {
        lock (Gate)
        {
            GlobalFontSettings.FontResolver ??= new EmbeddedFonts();
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
        new(isBold ? "DejaVuSans-Bold" : "DejaVuSans");

    public byte[]? GetFont(string faceName)
    {
        using var stream = typeof(EmbeddedFonts).Assembly.GetManifestResourceStream($"fonts.{faceName}.ttf");
        if (stream is null)
        {
            return null;
        }

        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
