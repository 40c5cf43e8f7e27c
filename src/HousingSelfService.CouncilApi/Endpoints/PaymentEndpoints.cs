using System.Globalization;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using HousingSelfService.CouncilApi.Client;
using HousingSelfService.CouncilApi.Client.Finance;
using HousingSelfService.CouncilApi.Client.Payments;
using HousingSelfService.CouncilApi.Data;
using HousingSelfService.CouncilApi.Infrastructure;
using HousingSelfService.CouncilApi.Payments;
using Microsoft.EntityFrameworkCore;

namespace HousingSelfService.CouncilApi.Endpoints;

/// <summary>
/// Card payments shaped like GOV.UK Pay (<c>/v1/payments</c>), and the provider's hosted card page (<c>/pay/{id}</c>)
/// with GOV.UK Pay's sandbox test cards. A successful payment posts a card transaction to the rent account.
/// </summary>
public static class PaymentEndpoints
{
    /// <summary>GOV.UK Pay's limit for one payment: £100,000 in pence.</summary>
    public const int MaxAmount = 10_000_000;

    /// <summary>GOV.UK Pay's sandbox cards, and what each does.</summary>
    public static IReadOnlyDictionary<string, (PaymentStatus Status, string? Code, string? Message)> TestCards { get; } =
        new Dictionary<string, (PaymentStatus, string?, string?)>
        {
            ["4444333322221111"] = (PaymentStatus.Success, null, null),
            ["4000000000000002"] = (PaymentStatus.Failed, "P0010", "Payment method rejected"),
            ["4000000000000119"] = (PaymentStatus.Error, "P0050", "Payment provider returned an error"),
        };

    public static void MapPayments(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/v1/payments", CreateAsync);
        routes.MapGet("/v1/payments/{paymentId}", GetAsync);
        // The hosted card page is for the payer's browser, which has no platform token; the unguessable id is the key.
        routes.MapGet("/pay/{paymentId}", ShowCardPageAsync).AllowAnonymous();
        routes.MapPost("/pay/{paymentId}", SubmitCardAsync).AllowAnonymous().DisableAntiforgery();
        routes.MapPost("/pay/{paymentId}/cancel", CancelAsync).AllowAnonymous().DisableAntiforgery();
    }

    private static async Task<IResult> CreateAsync(HttpContext context, CouncilDbContext database, Idempotency idempotency,
        TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var (body, bodyError) = await JsonBody.ReadAsync(context.Request);
        if (body is null)
        {
            return bodyError!;
        }

        return await idempotency.ExecuteAsync(context, "payments", body, async () =>
        {
            var (request, requestError) = body.As<CreatePaymentRequest>();
            if (request is null)
            {
                return (null, requestError);
            }

            if (await InvalidAsync(request, database, cancellationToken) is { } invalid)
            {
                return (null, invalid);
            }

            var record = new PaymentRecord
            {
                PaymentId = NewPaymentId(),
                Amount = request.Amount,
                Reference = request.Reference,
                Description = request.Description,
                ReturnUrl = request.ReturnUrl,
                Status = PaymentStatus.Created,
                CreatedDate = timeProvider.GetUtcNow().UtcDateTime,
                CreatedBy = Actor.Of(context.User).Display,
            };
            database.Payments.Add(record);
            await database.SaveChangesAsync(cancellationToken);
            return (StoredResponse.Of(StatusCodes.Status201Created, ToPayment(record, context.Request)), null);
        });
    }

    private static async Task<IResult?> InvalidAsync(CreatePaymentRequest request, CouncilDbContext database, CancellationToken cancellationToken)
    {
        if (request.Amount is < 1 or > MaxAmount)
        {
            return Error(StatusCodes.Status422UnprocessableEntity, "P0102", $"Invalid attribute value: amount. Must be between 1 and {MaxAmount}", "amount");
        }

        if (string.IsNullOrWhiteSpace(request.Description) || request.Description.Length > 255 || TextChecks.LooksLikeScript(request.Description))
        {
            return Error(StatusCodes.Status422UnprocessableEntity, "P0102", "Invalid attribute value: description. Must be plain text of 255 characters or fewer", "description");
        }

        if (!Uri.TryCreate(request.ReturnUrl, UriKind.Absolute, out var returnUrl) || (returnUrl.Scheme != Uri.UriSchemeHttp && returnUrl.Scheme != Uri.UriSchemeHttps))
        {
            return Error(StatusCodes.Status422UnprocessableEntity, "P0102", "Invalid attribute value: return_url. Must be an absolute http or https address", "return_url");
        }

        return await database.Tenures.AnyAsync(t => t.PaymentReference == request.Reference, cancellationToken)
            ? null
            : Error(StatusCodes.Status422UnprocessableEntity, "P0102", "Invalid attribute value: reference. It is not a rent account's payment reference", "reference");
    }

    private static async Task<IResult> GetAsync(string paymentId, HttpContext context, CouncilDbContext database, CancellationToken cancellationToken)
    {
        var record = await database.Payments.AsNoTracking().SingleOrDefaultAsync(p => p.PaymentId == paymentId, cancellationToken);
        return record is null ? NotFound(paymentId) : Results.Ok(ToPayment(record, context.Request));
    }

    private static async Task<IResult> ShowCardPageAsync(string paymentId, CouncilDbContext database, CancellationToken cancellationToken)
    {
        var record = await database.Payments.SingleOrDefaultAsync(p => p.PaymentId == paymentId, cancellationToken);
        if (record is null)
        {
            return Page("Payment not found", "<p>We could not find this payment. Go back to the service you were using and try again.</p>", StatusCodes.Status404NotFound);
        }

        if (record.Status == PaymentStatus.Created)
        {
            record.Status = PaymentStatus.Started;
            await database.SaveChangesAsync(cancellationToken);
        }

        return record.Finished ? FinishedPage(record) : CardPage(record, null);
    }

    private static async Task<IResult> SubmitCardAsync(string paymentId, HttpContext context, CouncilDbContext database, WriteGate gate,
        TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var form = await context.Request.ReadFormAsync(cancellationToken);
        // One payer, one outcome: two submits of the page (a double click, a refresh) cannot both charge the card.
        using var _ = await gate.EnterAsync(cancellationToken);
        var record = await database.Payments.SingleOrDefaultAsync(p => p.PaymentId == paymentId, cancellationToken);
        if (record is null)
        {
            return Page("Payment not found", "<p>We could not find this payment.</p>", StatusCodes.Status404NotFound);
        }

        if (record.Finished)
        {
            return Results.Redirect(record.ReturnUrl);
        }

        var cardNumber = new string(form["cardNumber"].ToString().Where(char.IsAsciiDigit).ToArray());
        if (!TestCards.TryGetValue(cardNumber, out var outcome))
        {
            return CardPage(record, "Enter one of the test card numbers shown below");
        }

        (record.Status, record.Code, record.Message) = outcome;
        if (outcome.Status == PaymentStatus.Success)
        {
            record.TransactionId = await PostCardPaymentAsync(database, record, timeProvider.GetUtcNow().UtcDateTime, cancellationToken);
        }

        await database.SaveChangesAsync(cancellationToken);
        return Results.Redirect(record.ReturnUrl);
    }

    private static async Task<IResult> CancelAsync(string paymentId, CouncilDbContext database, WriteGate gate, CancellationToken cancellationToken)
    {
        using var _ = await gate.EnterAsync(cancellationToken);
        var record = await database.Payments.SingleOrDefaultAsync(p => p.PaymentId == paymentId, cancellationToken);
        if (record is null)
        {
            return Page("Payment not found", "<p>We could not find this payment.</p>", StatusCodes.Status404NotFound);
        }

        if (!record.Finished)
        {
            (record.Status, record.Code, record.Message) = (PaymentStatus.Cancelled, "P0030", "Payment was cancelled by the user");
            await database.SaveChangesAsync(cancellationToken);
        }

        return Results.Redirect(record.ReturnUrl);
    }

    /// <summary>Credits the rent account, as the council's payment feed would, and returns the transaction's id.</summary>
    private static async Task<Guid> PostCardPaymentAsync(CouncilDbContext database, PaymentRecord record, DateTime now, CancellationToken cancellationToken)
    {
        var tenure = await database.Tenures.SingleAsync(t => t.PaymentReference == record.Reference, cancellationToken);
        var amount = record.Amount / 100m;
        tenure.Balance -= amount;
        var sequence = await database.Transactions.MaxAsync(t => (long?)t.Sequence, cancellationToken) ?? 0;
        var transaction = new TransactionRecord
        {
            Id = Guid.NewGuid(),
            TenureId = tenure.Id,
            Sequence = sequence + 1,
            TransactionDate = now,
            TransactionType = TransactionType.DebitOrCreditCard,
            TransactionAmount = amount,
            PaidAmount = amount,
            BalanceAmount = tenure.Balance,
            PaymentReference = tenure.PaymentReference,
        };
        database.Transactions.Add(transaction);
        return transaction.Id;
    }

    private static Payment ToPayment(PaymentRecord record, HttpRequest request)
    {
        var origin = $"{request.Scheme}://{request.Host}";
        var self = new PaymentLink($"{origin}/v1/payments/{record.PaymentId}", "GET");
        var next = record.Finished ? null : new PaymentLink($"{origin}/pay/{record.PaymentId}", "GET");
        return new Payment(record.PaymentId, record.Amount, record.Reference, record.Description, record.ReturnUrl,
            new PaymentState(record.Status, record.Finished, record.Code, record.Message), record.CreatedDate, new PaymentLinks(self, next));
    }

    private static string NewPaymentId()
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        return string.Create(26, 0, (chars, _) =>
        {
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
            }
        });
    }

    private static IResult Error(int statusCode, string code, string description, string? field = null) =>
        Results.Json(new PaymentError(code, description, field), CouncilApiJson.Options, statusCode: statusCode);

    private static IResult NotFound(string paymentId) => Error(StatusCodes.Status404NotFound, "P0200", $"paymentId not found: {paymentId}");

    private static IResult CardPage(PaymentRecord record, string? error)
    {
        var html = HtmlEncoder.Default;
        var amount = (record.Amount / 100m).ToString("C2", CultureInfo.GetCultureInfo("en-GB"));
        var errorSummary = error is null ? "" : $"""
            <div class="error" role="alert"><h2>There is a problem</h2><p><a href="#cardNumber">{html.Encode(error)}</a></p></div>
            """;
        var cards = string.Join("", TestCards.Select(card => $"<li><code>{card.Key}</code>: {card.Value.Status switch
        {
            PaymentStatus.Success => "payment succeeds",
            PaymentStatus.Failed => "card is declined",
            _ => "the provider has an error",
        }}</li>"));
        return Page("Enter card details", $"""
            {errorSummary}
            <p>Payment for: {html.Encode(record.Description)}</p>
            <p>Total amount: <strong data-testid="amount">{amount}</strong></p>
            <form method="post" action="/pay/{record.PaymentId}">
              <label for="cardNumber">Card number</label>
              <input id="cardNumber" name="cardNumber" inputmode="numeric" autocomplete="cc-number" {(error is null ? "" : "aria-invalid=\"true\" aria-describedby=\"cardNumber-error\"")}>
              {(error is null ? "" : $"<p id=\"cardNumber-error\" class=\"field-error\">{html.Encode(error)}</p>")}
              <button type="submit">Confirm payment</button>
            </form>
            <form method="post" action="/pay/{record.PaymentId}/cancel">
              <button type="submit" class="link">Cancel payment</button>
            </form>
            <h2>Test cards</h2>
            <p>This is a test payment page. No real money is taken. Use one of these card numbers:</p>
            <ul>{cards}</ul>
            """);
    }

    private static IResult FinishedPage(PaymentRecord record) => Page("This payment has finished",
        $"""<p><a href="{HtmlEncoder.Default.Encode(record.ReturnUrl)}">Go back to the service</a></p>""");

    /// <summary>A plain, accessible page in the style of the payment provider.</summary>
    private static IResult Page(string title, string body, int statusCode = StatusCodes.Status200OK) => Results.Content($$"""
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
        <meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{title}} – Test payment provider</title>
        <style>
          body { font-family: Arial, sans-serif; font-size: 1.1875rem; line-height: 1.4; margin: 0; color: #0b0c0c; }
          header { background: #0b0c0c; color: #fff; padding: 0.75rem 1rem; font-weight: bold; }
          main { padding: 1rem; max-width: 40rem; }
          label { display: block; font-weight: bold; margin-bottom: 0.25rem; }
          input { font-size: 1.1875rem; padding: 0.5rem; border: 2px solid #0b0c0c; width: 100%; max-width: 20rem; box-sizing: border-box; }
          button { font-size: 1.1875rem; min-height: 2.75rem; margin: 1rem 0; padding: 0.5rem 1rem; background: #00703c; color: #fff; border: 0; cursor: pointer; }
          button.link { background: none; color: #1d70b8; text-decoration: underline; padding: 0; margin: 0; }
          a { color: #1d70b8; }
          :focus-visible { outline: 3px solid #ffdd00; outline-offset: 0; box-shadow: 0 0 0 6px #0b0c0c; }
          .error { border: 4px solid #d4351c; padding: 1rem; margin-bottom: 1rem; }
          .error h2 { margin-top: 0; }
          .field-error { color: #d4351c; font-weight: bold; }
          code { word-break: break-all; }
        </style>
        </head>
        <body>
        <header>Test payment provider</header>
        <main>
        <h1>{{title}}</h1>
        {{body}}
        </main>
        </body>
        </html>
        """, "text/html; charset=utf-8", statusCode: statusCode);
}
