using HousingSelfService.CouncilApi.Client.Assets;
using HousingSelfService.CouncilApi.Client.Finance;
using HousingSelfService.CouncilApi.Client.Repairs;
using HousingSelfService.CouncilApi.Client.Tenures;
using Shouldly;
using Xunit;

namespace HousingSelfService.CouncilApi.Tests.Api;

[Collection(SharedCouncilApi.Name)]
public sealed class DemoDataTests(CouncilApiFixture api)
{
    [Fact]
    public void Households_are_many_unique_and_well_formed()
    {
        var households = DemoData.Households;
        households.Count.ShouldBeGreaterThanOrEqualTo(40);
        households.Select(h => h.TenureId).Distinct().Count().ShouldBe(households.Count);
        households.Select(h => h.PersonId).Distinct().Count().ShouldBe(households.Count);
        households.Select(h => h.PaymentReference).Distinct().Count().ShouldBe(households.Count);
        households.ShouldAllBe(h => h.PaymentReference.Length == 10 && h.PaymentReference.All(char.IsAsciiDigit));
        households.ShouldAllBe(h => h.PropertyReference.Length == 8 && h.PropertyReference.All(char.IsAsciiDigit));
        DemoData.Featured.Count.ShouldBe(5);
        DemoData.Featured.Select(h => h.Situation).Distinct().Count().ShouldBe(5);
        DemoData.Households.Select(h => h.TenureId).ShouldBe(households.Select(h => h.TenureId));
    }

    [Fact]
    public async Task Tenure_types_and_home_types_are_mixed()
    {
        var tenures = new List<TenureResponse>();
        foreach (var household in DemoData.Households)
        {
            tenures.Add(await CouncilApiFixture.ReadAsync<TenureResponse>(await api.GetAsync($"api/v1/tenures/{household.TenureId}")));
        }

        tenures.Select(t => t.TenureType.Code).Distinct().ShouldBe(["SEC", "INT", "LEA"], ignoreOrder: true);
        tenures.Select(t => t.TenuredAsset.Type).ShouldContain("Flat");
        tenures.Select(t => t.TenuredAsset.Type).ShouldContain("House");
        tenures.ShouldContain(t => t.HouseholdMembers.Count > 2);
        tenures.Select(t => Math.Sign(t.Charges!.CurrentBalance)).Distinct().ShouldBe([-1, 0, 1], ignoreOrder: true);
    }

    [Fact]
    public async Task Every_work_order_status_is_present()
    {
        var statuses = new HashSet<string>();
        foreach (var household in DemoData.Households)
        {
            var workOrders = await CouncilApiFixture.ReadAsync<List<WorkOrder>>(await api.GetAsync($"api/v2/workOrders?propertyReference={household.PropertyReference}"));
            statuses.UnionWith(workOrders.Select(w => w.Status));
        }

        WorkOrderStatus.All.Values.ShouldBeSubsetOf(statuses);
    }

    [Fact]
    public async Task Featured_households_have_their_designed_situations()
    {
        var featured = DemoData.Featured;
        var finance = new FinanceTests(api);

        var arrears = await Situation(featured[0]);
        arrears.Tenure.TenureType.Code.ShouldBe("SEC");
        arrears.Asset.AssetType.ShouldBe(AssetType.Flat);
        arrears.Account.AccountBalance.ShouldBeGreaterThan(0m);

        var credit = await Situation(featured[1]);
        credit.Tenure.TenureType.Code.ShouldBe("SEC");
        credit.Asset.AssetType.ShouldBe(AssetType.House);
        credit.Account.AccountBalance.ShouldBeLessThan(0m);
        (await finance.TransactionsAsync(featured[1].TenureId)).ShouldContain(t => t.TransactionType == TransactionType.DirectDebit);

        var introductory = await Situation(featured[2]);
        introductory.Tenure.TenureType.Code.ShouldBe("INT");
        introductory.Account.AccountBalance.ShouldBe(0m);
        (await finance.TransactionsAsync(featured[2].TenureId)).ShouldContain(t => t.TransactionType == TransactionType.UniversalCreditRec);

        var leasehold = await Situation(featured[3]);
        leasehold.Tenure.TenureType.Code.ShouldBe("LEA");
        leasehold.Asset.AssetType.ShouldBe(AssetType.Flat);
        leasehold.Tenure.HouseholdMembers[0].PersonTenureType.ShouldBe(PersonTenureType.Leaseholder);
        (await finance.TransactionsAsync(featured[3].TenureId)).Where(t => t.ChargedAmount > 0)
            .ShouldAllBe(t => t.TransactionType == TransactionType.ServiceCharges || t.TransactionType == TransactionType.DirectDebitUnpaid);

        var damp = await Situation(featured[4]);
        damp.Tenure.TenureType.Code.ShouldBe("SEC");
        (await finance.TransactionsAsync(featured[4].TenureId)).ShouldContain(t => t.TransactionType == TransactionType.HousingBenefit && t.HousingBenefitAmount > 0);
        var workOrders = await CouncilApiFixture.ReadAsync<List<WorkOrder>>(await api.GetAsync($"api/v2/workOrders?propertyReference={featured[4].PropertyReference}"));
        workOrders.ShouldContain(w => w.PriorityCode == RepairPriority.DampAndMould && WorkOrderStatus.IsOpen(w.Status) && w.Appointment != null);
    }

    [Fact]
    public async Task Running_balances_add_up_to_the_account_balance()
    {
        var finance = new FinanceTests(api);
        foreach (var household in DemoData.Featured.Concat(DemoData.Households.Skip(40)))
        {
            var transactions = await finance.TransactionsAsync(household.TenureId);
            transactions.Reverse();
            transactions.Count.ShouldBeGreaterThan(20);
            var balance = 0m;
            foreach (var transaction in transactions)
            {
                balance += transaction.ChargedAmount - transaction.PaidAmount;
                transaction.BalanceAmount.ShouldBe(balance);
            }

            var account = (await CouncilApiFixture.ReadAsync<AccountsResponse>(await api.GetAsync($"api/v1/accounts?targetId={household.TenureId}"))).AccountResponseList[0];
            account.AccountBalance.ShouldBe(balance);
        }
    }

    private async Task<(TenureResponse Tenure, AssetResponse Asset, Account Account)> Situation(DemoHousehold household)
    {
        var tenure = await CouncilApiFixture.ReadAsync<TenureResponse>(await api.GetAsync($"api/v1/tenures/{household.TenureId}"));
        var asset = await CouncilApiFixture.ReadAsync<AssetResponse>(await api.GetAsync($"api/v1/assets/assetId/{household.PropertyReference}"));
        var accounts = await CouncilApiFixture.ReadAsync<AccountsResponse>(await api.GetAsync($"api/v1/accounts?targetId={household.TenureId}"));
        return (tenure, asset, accounts.AccountResponseList[0]);
    }
}
