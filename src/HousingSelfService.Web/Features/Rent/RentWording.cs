using System.Globalization;
using HousingSelfService.CouncilApi.Client.Finance;
using HousingSelfService.Web.Infrastructure;

namespace HousingSelfService.Web.Features.Rent;

/// <summary>Plain-English wording for the rent pages. Pure functions, tested directly.</summary>
public static class RentWording
{
    /// <summary>"as at 6:45pm on 24 November 2026".</summary>
    public static string AsAt(DateTime ukTime) =>
        $"as at {UkFormat.Time(ukTime.ToString("HH:mm", CultureInfo.InvariantCulture))} on {UkFormat.Date(DateOnly.FromDateTime(ukTime))}";

    /// <summary>A running balance without relying on a minus sign or colour: "£312.50 owed", "£45.00 in credit", "£0.00".</summary>
    public static string RunningBalance(decimal balance) => balance switch
    {
        > 0 => $"{UkFormat.Money(balance)} owed",
        < 0 => $"{UkFormat.Money(-balance)} in credit",
        _ => UkFormat.Money(0m),
    };

    /// <summary>A ledger code in words, as a resident would say it.</summary>
    public static string Transaction(TransactionType type) => type switch
    {
        TransactionType.BasicRentNoVAT => "Rent",
        TransactionType.ServiceCharges => "Service charges",
        TransactionType.DirectDebit => "Direct Debit payment",
        TransactionType.DirectDebitUnpaid => "Direct Debit not paid by your bank",
        TransactionType.DebitOrCreditCard => "Card payment",
        TransactionType.HousingBenefit => "Housing Benefit",
        TransactionType.UniversalCreditRec => "Universal Credit (housing costs)",
        TransactionType.TenantRefund => "Refund to you",
        TransactionType.CashPayment => "Cash payment",
        TransactionType.StandingOrder => "Standing order payment",
        _ => "Other adjustment",
    };

    public static PaymentKind KindOf(TransactionType type) => type switch
    {
        TransactionType.DirectDebit => PaymentKind.DirectDebit,
        TransactionType.HousingBenefit => PaymentKind.HousingBenefit,
        TransactionType.UniversalCreditRec => PaymentKind.UniversalCredit,
        TransactionType.DebitOrCreditCard => PaymentKind.Card,
        _ => PaymentKind.Other,
    };

    /// <summary>A charge type from the accounts API in words.</summary>
    public static string Charge(string type) => type.ToUpperInvariant() switch
    {
        "RENT" => "Rent",
        "SERVICECHARGE" => "Service charges",
        "OTHERCHARGES" => "Other charges (for example heating or water)",
        _ => type,
    };

    /// <summary>"week" for Weekly, "month" for Monthly; what "each …" the charges are for.</summary>
    public static string Period(string frequency) => frequency.ToUpperInvariant() switch
    {
        "MONTHLY" => "month",
        "FORTNIGHTLY" => "fortnight",
        _ => "week",
    };

    /// <summary>Why the balance may look like arrears for a few days, for the way this resident pays.</summary>
    public static string? TimingNote(PaymentKind kind) => kind switch
    {
        PaymentKind.DirectDebit =>
            "You pay by Direct Debit. We charge rent every Monday, but we may take your Direct Debit on another day. So for a few days your balance can show that you owe money. This is normal.",
        PaymentKind.HousingBenefit =>
            "Housing Benefit is money from the council to help pay your rent. It is paid to your account every 4 weeks, after we charge the rent. Between payments your balance can show that you owe money. This is normal if your benefit covers your rent.",
        PaymentKind.UniversalCredit =>
            "Universal Credit is a benefit that can include help to pay your rent. It is paid once a month, after we charge the rent. Between payments your balance can show that you owe money. Check that you pass on the housing part of your Universal Credit.",
        _ => null,
    };
}
