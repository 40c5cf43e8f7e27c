using System.Globalization;
using HousingSelfService.CouncilApi.Client.Assets;
using HousingSelfService.CouncilApi.Client.Finance;
using HousingSelfService.CouncilApi.Client.Tenures;

namespace HousingSelfService.CouncilApi.Demo;

internal enum BalanceTrend { UpToDate, Arrears, Credit }

internal sealed record PlannedPerson(Guid Id, string Title, string FirstName, string? MiddleName, string Surname, DateOnly DateOfBirth,
    PersonTenureType Role, bool IsResponsible, string? Phone, string? Email)
{
    public string FullName => $"{FirstName} {Surname}";
}

internal sealed record PlannedBlock(Guid AssetId, string PropertyReference, string Uprn, AssetType Type, string Name, string Street,
    string Postcode, string? TmoName, int Lifts, int YearConstructed);

internal sealed record PlannedHome(Guid AssetId, string PropertyReference, string Uprn, AssetType Type, string AddressLine1,
    string? AddressLine2, string Postcode, int Bedrooms, PlannedBlock? Block, bool HasLocationAlert, int YearConstructed);

internal sealed record PlannedHousehold(DemoHousehold Household, PlannedHome Home, TenureType TenureType, int StartDaysAgo, Guid AccountId,
    decimal Rent, decimal ServiceCharge, TransactionType PaymentMethod, BalanceTrend Trend, IReadOnlyList<PlannedPerson> People,
    bool HasOpenDampRepair);

/// <summary>The households, homes and people of the demo, drawn from a fixed seed.</summary>
internal sealed class DemoPlan
{
    public const int FeaturedCount = 5;
    private const int HouseholdCount = 48;
    private const int Seed = 20_240_601;

    private static readonly string[] FirstNamesFemale = ["Amara", "Chloe", "Fatima", "Grace", "Hannah", "Aisha", "Olivia", "Priya", "Sofia", "Zainab",
        "Maria", "Niamh", "Yetunde", "Jade", "Leah", "Ruth", "Esther", "Mei", "Ayesha", "Kemi", "Sarah", "Joanne", "Patricia", "Halima"];
    private static readonly string[] FirstNamesMale = ["Adam", "Ben", "Daniel", "Emmanuel", "George", "Hassan", "Isaac", "Jamal", "Kwame", "Liam",
        "Mohammed", "Nathan", "Oliver", "Ravi", "Samuel", "Tomasz", "Yusuf", "Connor", "Dwayne", "Michael", "David", "Chidi", "Mehmet", "Patrick"];
    private static readonly string[] Surnames = ["Adebayo", "Ahmed", "Brown", "Campbell", "Clarke", "Davies", "Evans", "Francis", "Green", "Hughes",
        "Hussain", "Johnson", "Kaur", "Kowalski", "Lewis", "Mensah", "Murphy", "Nowak", "O'Brien", "Okafor", "Patel", "Reid", "Robinson", "Shah",
        "Singh", "Taylor", "Thompson", "Walker", "Williams", "Wilson", "Yilmaz", "Begum", "Osei", "Chen", "Da Silva", "Kelly"];
    private static readonly string[] Streets = ["Cedar Road", "Mallard Street", "Hollybush Lane", "Pembury Grove", "Lavender Walk", "Quill Street",
        "Tanner's Row", "Orchard Place", "Fenwick Road", "Millfield Terrace", "Brampton Gardens", "Larkspur Close"];
    private static readonly string[] PostcodeDistricts = ["E5", "E8", "E9", "N1", "N16", "N4"];
    private static readonly string[] PostcodeUnitLetters = ["AB", "BD", "DL", "EG", "FN", "HQ", "JP", "LS", "NW", "PX", "RT", "UZ"];

    private DemoPlan(IReadOnlyList<PlannedBlock> blocks, IReadOnlyList<PlannedHousehold> households)
    {
        Blocks = blocks;
        Households = households;
    }

    public IReadOnlyList<PlannedBlock> Blocks { get; }
    public IReadOnlyList<PlannedHousehold> Households { get; }

    public static DemoPlan Create()
    {
        var random = new Random(Seed);
        var references = new References(random);
        var blocks = new List<PlannedBlock>
        {
            Block(random, references, "Marlowe House", "Mallard Street", AssetType.LowRiseBlock, null, 0, 1958),
            Block(random, references, "Beacon Tower", "Fenwick Road", AssetType.HighRiseBlock, null, 2, 1968),
            Block(random, references, "Kestrel Court", "Quill Street", AssetType.Block, "Kestrel Court Tenant Management Organisation", 1, 1972),
            Block(random, references, "Ashgrove House", "Pembury Grove", AssetType.LowRiseBlock, null, 0, 1936),
            Block(random, references, "Lime Tree Court", "Orchard Place", AssetType.Block, null, 1, 1989),
            Block(random, references, "Wren House", "Larkspur Close", AssetType.HighRiseBlock, null, 2, 1964),
        };
        var eligibleBlocks = blocks.Where(b => b.TmoName is null).ToList();
        var households = new List<PlannedHousehold>
        {
            Household(random, references, Flat(random, references, eligibleBlocks[0], false), TenureType.Secure, TransactionType.DebitOrCreditCard, BalanceTrend.Arrears,
                false, "Secure tenant in a flat, in arrears: several missed rent payments."),
            Household(random, references, House(random, references, false), TenureType.Secure, TransactionType.DirectDebit, BalanceTrend.Credit,
                false, "Secure tenant in a house, in credit, paying by Direct Debit."),
            Household(random, references, Flat(random, references, eligibleBlocks[1], false), TenureType.Introductory, TransactionType.UniversalCreditRec, BalanceTrend.UpToDate,
                false, "Introductory tenant, up to date, rent paid through Universal Credit."),
            Household(random, references, Flat(random, references, eligibleBlocks[2], false), TenureType.Leasehold, TransactionType.DirectDebit, BalanceTrend.UpToDate,
                false, "Leaseholder in a flat, paying service charges only."),
            Household(random, references, Flat(random, references, eligibleBlocks[3], false), TenureType.Secure, TransactionType.HousingBenefit, BalanceTrend.UpToDate,
                true, "Secure tenant on Housing Benefit, with an open damp and mould repair and an appointment booked."),
        };

        var alertsLeft = 3;
        while (households.Count < HouseholdCount)
        {
            var tenureType = random.Next(100) switch { < 58 => TenureType.Secure, < 75 => TenureType.Introductory, _ => TenureType.Leasehold };
            var hasAlert = tenureType != TenureType.Leasehold && alertsLeft > 0 && random.Next(6) == 0;
            alertsLeft -= hasAlert ? 1 : 0;
            var home = tenureType == TenureType.Leasehold || random.Next(100) < 65
                ? Flat(random, references, blocks[random.Next(blocks.Count)], hasAlert)
                : House(random, references, hasAlert);
            var method = tenureType == TenureType.Leasehold
                ? (random.Next(2) == 0 ? TransactionType.DirectDebit : TransactionType.DebitOrCreditCard)
                : random.Next(4) switch
                {
                    0 => TransactionType.DirectDebit,
                    1 => TransactionType.DebitOrCreditCard,
                    2 => TransactionType.HousingBenefit,
                    _ => TransactionType.UniversalCreditRec,
                };
            var trend = random.Next(100) switch { < 40 => BalanceTrend.UpToDate, < 75 => BalanceTrend.Arrears, _ => BalanceTrend.Credit };
            households.Add(Household(random, references, home, tenureType, method, trend, false, null));
        }

        return new DemoPlan(blocks, households);
    }

    private static PlannedBlock Block(Random random, References references, string name, string street, AssetType type, string? tmoName, int lifts, int year) =>
        new(NextGuid(random), references.Property(), references.Uprn(), type, name, street, Postcode(random), tmoName, lifts, year);

    private static PlannedHome Flat(Random random, References references, PlannedBlock block, bool hasAlert)
    {
        var number = references.FlatNumber(block);
        var type = random.Next(10) == 0 ? AssetType.StudioFlat : AssetType.Flat;
        return new PlannedHome(NextGuid(random), references.Property(), references.Uprn(), type, $"Flat {number} {block.Name}", block.Street,
            block.Postcode, type == AssetType.StudioFlat ? 0 : 1 + random.Next(3), block, hasAlert, block.YearConstructed);
    }

    private static PlannedHome House(Random random, References references, bool hasAlert) =>
        new(NextGuid(random), references.Property(), references.Uprn(), AssetType.House,
            $"{references.HouseNumber()} {Streets[random.Next(Streets.Length)]}", null, Postcode(random), 2 + random.Next(3), null, hasAlert,
            1890 + random.Next(100));

    private static PlannedHousehold Household(Random random, References references, PlannedHome home, TenureType tenureType,
        TransactionType method, BalanceTrend trend, bool hasOpenDampRepair, string? situation)
    {
        var people = People(random, tenureType);
        // No two households share a lead tenant's name, so demo sign-ins are never confused with each other.
        while (!references.Claim(people[0].FullName))
        {
            people = People(random, tenureType);
        }

        var lead = people[0];
        var leasehold = tenureType == TenureType.Leasehold;
        var rent = leasehold ? 0m : decimal.Round((home.Type == AssetType.House ? 130m : 95m) + home.Bedrooms * 9.5m + random.Next(0, 2500) / 100m, 2);
        var serviceCharge = leasehold
            ? decimal.Round(18m + random.Next(0, 2700) / 100m, 2)
            : home.Block is null ? 0m : decimal.Round(6m + random.Next(0, 1800) / 100m, 2);
        var startDaysAgo = tenureType == TenureType.Introductory ? 90 + random.Next(260) : 800 + random.Next(9000);
        var household = new DemoHousehold(lead.Id, NextGuid(random), references.Payment(), home.PropertyReference, lead.FirstName, lead.Surname,
            lead.DateOfBirth, home.Postcode, situation ?? Describe(tenureType, home, method, trend));
        return new PlannedHousehold(household, home, tenureType, startDaysAgo, NextGuid(random), rent, serviceCharge, method, trend, people, hasOpenDampRepair);
    }

    private static List<PlannedPerson> People(Random random, TenureType tenureType)
    {
        var role = tenureType == TenureType.Leasehold ? PersonTenureType.Leaseholder : PersonTenureType.Tenant;
        var surname = Surnames[random.Next(Surnames.Length)];
        var people = new List<PlannedPerson> { Person(random, surname, 23, 80, role, true) };
        var size = random.Next(100) switch { < 40 => 1, < 65 => 2, < 85 => 3, _ => 4 };
        if (size >= 2 && random.Next(3) == 0)
        {
            people.Add(Person(random, surname, 23, 75, role, true));
        }

        while (people.Count < size)
        {
            people.Add(Person(random, random.Next(5) == 0 ? Surnames[random.Next(Surnames.Length)] : surname, 1, 30, PersonTenureType.HouseholdMember, false));
        }

        return people;
    }

    private static PlannedPerson Person(Random random, string surname, int minAge, int maxAge, PersonTenureType role, bool responsible)
    {
        var female = random.Next(2) == 0;
        var names = female ? FirstNamesFemale : FirstNamesMale;
        var firstName = names[random.Next(names.Length)];
        var middleName = random.Next(4) == 0 ? names[random.Next(names.Length)] : null;
        var age = minAge + random.Next(maxAge - minAge);
        // Birthdays are fixed dates, not relative to today, so a resident's date of birth never changes between runs.
        var dateOfBirth = new DateOnly(2026 - age, 1 + random.Next(12), 1 + random.Next(28));
        var adult = age >= 16;
        var title = !adult ? "" : female ? (random.Next(2) == 0 ? "Ms" : "Mrs") : "Mr";
        var phone = adult ? $"07700 900{random.Next(1000):000}" : null;
        var email = adult && random.Next(4) != 0
            ? $"{Slug(firstName)}.{Slug(surname)}{random.Next(100)}@example.com"
            : null;
        return new PlannedPerson(NextGuid(random), title, firstName, middleName, surname, dateOfBirth, role, responsible, phone, email);
    }

    private static string Describe(TenureType tenureType, PlannedHome home, TransactionType method, BalanceTrend trend)
    {
        var who = tenureType == TenureType.Leasehold ? "Leaseholder" : $"{tenureType.Description} tenant";
        var where = home.Type == AssetType.House ? "a house" : "a flat";
        var balance = trend switch { BalanceTrend.Arrears => "in arrears", BalanceTrend.Credit => "in credit", _ => "up to date" };
        var paying = method switch
        {
            TransactionType.DirectDebit => "paying by Direct Debit",
            TransactionType.HousingBenefit => "on Housing Benefit",
            TransactionType.UniversalCreditRec => "on Universal Credit",
            _ => "paying by card",
        };
        return $"{who} in {where}, {balance}, {paying}.";
    }

    private static string Slug(string name) => new([.. name.ToLowerInvariant().Where(char.IsLetter)]);

    private static string Postcode(Random random) =>
        $"{PostcodeDistricts[random.Next(PostcodeDistricts.Length)]} {1 + random.Next(9)}{PostcodeUnitLetters[random.Next(PostcodeUnitLetters.Length)]}";

    /// <summary>A version-4-shaped Guid from the seeded generator, so ids are stable across runs.</summary>
    internal static Guid NextGuid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    /// <summary>Unique property and payment references, UPRNs and lead tenants' names; flat and house numbers.</summary>
    private sealed class References(Random random)
    {
        private readonly HashSet<string> _used = [];
        private readonly Dictionary<string, int> _flatsPerBlock = [];
        private int _nextHouseNumber = 3;

        public string Property() => Unique(() => (10_000 + random.Next(89_999)).ToString("00000000", CultureInfo.InvariantCulture));

        public string Payment() => Unique(() => "22" + random.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture));

        public string Uprn() => Unique(() => "1000" + random.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture));

        public int FlatNumber(PlannedBlock block)
        {
            var count = _flatsPerBlock.GetValueOrDefault(block.PropertyReference) + 1;
            _flatsPerBlock[block.PropertyReference] = count;
            return count * 3 + random.Next(3);
        }

        public int HouseNumber() => _nextHouseNumber += 2 + random.Next(6);

        /// <summary>True the first time <paramref name="value"/> is claimed.</summary>
        public bool Claim(string value) => _used.Add(value);

        private string Unique(Func<string> next)
        {
            string value;
            do
            {
                value = next();
            }
            while (!Claim(value));
            return value;
        }
    }
}
