using System.Globalization;
using System.Text;
using HousingSelfService.CouncilApi.Client.Documents;
using HousingSelfService.CouncilApi.Data;
using HousingSelfService.CouncilApi.Endpoints;

namespace HousingSelfService.CouncilApi.Documents;

/// <summary>
/// The letters the council has sent about a tenure, written from the tenure's own records: a statement for each of
/// the last three whole months, the yearly rent change notice (28 days before 1 April) and the welcome letter.
/// Nothing is stored, so a letter always agrees with the account it describes. Plain text: readable by every
/// device and screen reader, and small on a phone.
/// </summary>
public static class Letters
{
    public const string ContentType = "text/plain; charset=utf-8";
    private const int StatementMonths = 3;
    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    public sealed record Letter(DocumentSummary Summary, Func<string> Write);

    public static IReadOnlyList<Letter> For(TenureRecord tenure, AssetRecord asset, PersonRecord? lead, IReadOnlyList<TransactionRecord> transactions, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(tenure);
        ArgumentNullException.ThrowIfNull(asset);
        ArgumentNullException.ThrowIfNull(transactions);
        var letters = new List<Letter>();
        var name = lead is null ? "Resident" : $"{lead.Title} {lead.FirstName} {lead.Surname}".Trim();
        var isLeasehold = tenure.TenureTypeCode == Client.Tenures.TenureType.Leasehold.Code;
        var thisMonth = new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var back = 1; back <= StatementMonths; back++)
        {
            var month = thisMonth.AddMonths(-back);
            if (month.AddMonths(1) <= tenure.StartOfTenureDate)
            {
                break;
            }

            var title = $"{(isLeasehold ? "Service charge" : "Rent")} statement for {month.ToString("MMMM yyyy", Uk)}";
            letters.Add(new Letter(
                Summary(tenure, $"statement-{month:yyyyMM}", DocumentTypes.RentStatement, title, month.AddMonths(1).AddDays(2)),
                () => Statement(title, name, tenure, asset, transactions, month)));
        }

        var april = new DateTime(now.Month >= 4 ? now.Year : now.Year - 1, 4, 1, 0, 0, 0, DateTimeKind.Utc);
        if (april.AddDays(-28) > tenure.StartOfTenureDate)
        {
            var title = $"{(isLeasehold ? "Service charge" : "Rent")} change notice for April {april.Year}";
            letters.Add(new Letter(
                Summary(tenure, $"rent-change-{april.Year}", DocumentTypes.RentChangeNotice, title, april.AddDays(-28)),
                () => RentChange(title, name, tenure, asset, april)));
        }

        letters.Add(new Letter(
            Summary(tenure, "welcome", DocumentTypes.TenancyLetter, "Welcome to your home", tenure.StartOfTenureDate),
            () => Welcome(name, tenure, asset)));
        return [.. letters.OrderByDescending(l => l.Summary.CreatedAt)];
    }

    private static DocumentSummary Summary(TenureRecord tenure, string id, string type, string title, DateTime createdAt) => new()
    {
        Id = id,
        TargetId = tenure.Id,
        Type = type,
        Title = title,
        CreatedAt = createdAt,
        FileName = $"{id}-{tenure.PaymentReference}.txt",
        ContentType = ContentType,
    };

    private static StringBuilder Header(string title, string name, TenureRecord tenure, AssetRecord asset, DateTime sent)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{name}");
        text.AppendLine(asset.FullAddress);
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Date: {sent.ToString("d MMMM yyyy", Uk)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Payment reference: {tenure.PaymentReference}");
        text.AppendLine();
        text.AppendLine(title);
        text.AppendLine(new string('=', title.Length));
        text.AppendLine();
        return text;
    }

    private static string Money(decimal amount) => amount.ToString("C2", Uk);

    private static string Statement(string title, string name, TenureRecord tenure, AssetRecord asset, IReadOnlyList<TransactionRecord> all, DateTime month)
    {
        var end = month.AddMonths(1);
        var inMonth = all.Where(t => t.TransactionDate >= month && t.TransactionDate < end).OrderBy(t => t.TransactionDate).ThenBy(t => t.Sequence).ToList();
        var before = all.Where(t => t.TransactionDate < month).OrderBy(t => t.TransactionDate).ThenBy(t => t.Sequence).LastOrDefault();
        var opening = before?.BalanceAmount ?? 0m;
        var closing = inMonth.LastOrDefault()?.BalanceAmount ?? opening;
        var text = Header(title, name, tenure, asset, end.AddDays(2));
        text.AppendLine(CultureInfo.InvariantCulture, $"Balance on {month.ToString("d MMMM yyyy", Uk)}: {Balance(opening)}");
        text.AppendLine();
        foreach (var t in inMonth)
        {
            var amount = t.PaidAmount > 0 ? $"paid {Money(t.PaidAmount)}" : $"charged {Money(t.ChargedAmount)}";
            text.AppendLine(CultureInfo.InvariantCulture, $"{t.TransactionDate.ToString("d MMM yyyy", Uk),-12} {t.TransactionType,-22} {amount,-20} balance {Balance(t.BalanceAmount)}");
        }

        if (inMonth.Count == 0)
        {
            text.AppendLine("Nothing was charged or paid this month.");
        }

        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Balance on {end.AddDays(-1).ToString("d MMMM yyyy", Uk)}: {Balance(closing)}");
        text.AppendLine();
        text.AppendLine("If you are finding it hard to pay, contact us as soon as you can: we can help.");
        return text.ToString();
    }

    private static string Balance(decimal balance) => balance switch
    {
        > 0 => $"{Money(balance)} owed",
        < 0 => $"{Money(-balance)} in credit",
        _ => Money(0),
    };

    private static string RentChange(string title, string name, TenureRecord tenure, AssetRecord asset, DateTime april)
    {
        var text = Header(title, name, tenure, asset, april.AddDays(-28));
        text.AppendLine(CultureInfo.InvariantCulture, $"From {april.ToString("d MMMM yyyy", Uk)} your weekly charges will be:");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"  Rent:           {Money(tenure.Rent)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  Service charge: {Money(tenure.ServiceCharge)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  Other charges:  {Money(tenure.OtherCharges)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  Total:          {Money(tenure.Rent + tenure.ServiceCharge + tenure.OtherCharges)}");
        text.AppendLine();
        text.AppendLine("We must tell you at least 4 weeks before your charges change. If you pay by Direct Debit we will change");
        text.AppendLine("the amount for you. If you get Universal Credit or Housing Benefit, tell them about the new amount.");
        return text.ToString();
    }

    private static string Welcome(string name, TenureRecord tenure, AssetRecord asset)
    {
        var type = Lookups.TenureTypeOf(tenure.TenureTypeCode).Description;
        var text = Header("Welcome to your home", name, tenure, asset, tenure.StartOfTenureDate);
        text.AppendLine(CultureInfo.InvariantCulture, $"Your {type} tenancy of {asset.FullAddress} starts on {tenure.StartOfTenureDate.ToString("d MMMM yyyy", Uk)}.");
        text.AppendLine();
        text.AppendLine("Please keep this letter with your tenancy agreement. Quote your payment reference when you pay your rent");
        text.AppendLine("or contact us about your home.");
        return text.ToString();
    }
}
