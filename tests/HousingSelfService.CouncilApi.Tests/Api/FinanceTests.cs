using System.Net;
using System.Text.Json;
using HousingSelfService.CouncilApi.Client.Finance;
using Shouldly;
using Xunit;

namespace HousingSelfService.CouncilApi.Tests.Api;

[Collection(SharedCouncilApi.Name)]
public sealed class FinanceTests(CouncilApiFixture api)
{
    [Fact]
    public async Task Accounts_have_the_contract_shape()
    {
        var household = DemoData.Featured[0];
        var json = await CouncilApiFixture.JsonAsync(await api.GetAsync($"api/v1/accounts?targetId={household.TenureId}"));
        var account = json.GetProperty("accountResponseList")[0];
        account.ShouldHaveProperties("id", "targetId", "targetType", "accountBalance", "consolidatedCharges", "paymentReference", "accountStatus", "startDate", "tenure");
        account.GetProperty("targetType").GetString().ShouldBe("Tenure");
        account.GetProperty("accountStatus").GetString().ShouldBe("Active");
        account.GetProperty("paymentReference").GetString().ShouldBe(household.PaymentReference);
        account.GetProperty("consolidatedCharges")[0].ShouldHaveProperties("type", "frequency", "amount");
    }

    [Fact]
    public async Task Transactions_are_paged_newest_first()
    {
        var tenureId = DemoData.Featured[1].TenureId;
        var response = await api.GetAsync($"api/v1/transactions?targetId={tenureId}&startDate=2000-01-01&endDate=2100-01-01&page=2&pageSize=10");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var json = await CouncilApiFixture.JsonAsync(response);
        json.ShouldHaveProperties("results", "metadata");
        json.GetProperty("metadata").GetProperty("pagination").ShouldHaveProperties("resultCount", "currentPage", "pageSize", "totalCount", "pageCount");
        json.GetProperty("metadata").GetProperty("pagination").GetProperty("currentPage").GetInt32().ShouldBe(2);
        var first = json.GetProperty("results")[0];
        first.ShouldHaveProperties("id", "transactionDate", "transactionType", "transactionAmount", "paidAmount", "chargedAmount", "balanceAmount", "housingBenefitAmount", "paymentReference");
        var dates = json.GetProperty("results").EnumerateArray().Select(t => t.GetProperty("transactionDate").GetDateTime()).ToList();
        dates.Count.ShouldBe(10);
        dates.ShouldBe(dates.OrderByDescending(d => d).ToList());
    }

    [Theory]
    [InlineData("startDate=2025-02-01&endDate=2025-01-01")]
    [InlineData("startDate=2025-01-01&endDate=2025-01-01")]
    [InlineData("pageSize=101")]
    public async Task Bad_ranges_are_400_in_the_finance_shape(string query)
    {
        var response = await api.GetAsync($"api/v1/transactions?targetId={DemoData.Featured[1].TenureId}&{query}");
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await CouncilApiFixture.JsonAsync(response)).ShouldBeFinanceError(400);
    }

    [Fact]
    public async Task Date_range_is_inclusive_and_filters()
    {
        var tenureId = DemoData.Featured[0].TenureId;
        var all = await TransactionsAsync(tenureId);
        var day = DateOnly.FromDateTime(all[5].TransactionDate);
        var response = await api.GetAsync($"api/v1/transactions?targetId={tenureId}&startDate={day:yyyy-MM-dd}&endDate={day.AddDays(1):yyyy-MM-dd}&pageSize=100");
        var within = await CouncilApiFixture.ReadAsync<TransactionsResponse>(response);
        within.Results.ShouldNotBeEmpty();
        within.Results.ShouldAllBe(t => DateOnly.FromDateTime(t.TransactionDate) >= day && DateOnly.FromDateTime(t.TransactionDate) <= day.AddDays(1));
    }

    internal async Task<List<Transaction>> TransactionsAsync(Guid tenureId)
    {
        var all = new List<Transaction>();
        for (var page = 1; ; page++)
        {
            var response = await CouncilApiFixture.ReadAsync<TransactionsResponse>(
                await api.GetAsync($"api/v1/transactions?targetId={tenureId}&startDate=2000-01-01&endDate=2100-01-01&page={page}&pageSize=100"));
            all.AddRange(response.Results);
            if (page >= response.Metadata.Pagination.PageCount)
            {
                return all;
            }
        }
    }
}
