using System.Globalization;

namespace HousingSelfService.CouncilApi.Client.DirectDebits;

/// <summary>
/// Vocalink's modulus check of a UK sort code and account number (specification v6.40, with its exceptions 1 to 14),
/// over Vocalink's published tables shipped with this library. It catches mistyped details before a Direct Debit is
/// set up; a pass does not prove the account exists.
/// </summary>
public static class ModulusCheck
{
    private static readonly Lazy<IReadOnlyList<WeightRow>> Weights = new(LoadWeights);
    private static readonly Lazy<Dictionary<string, string>> Substitutes = new(LoadSubstitutes);

    // Positions in the 14-digit number: u v w x y z (sort code) a b c d e f g h (account number).
    private const int A = 6, B = 7, C = 8, G = 12, H = 13;

    /// <summary>
    /// The sort code (6 digits) and account number (6 to 8 digits; shorter ones are padded with leading zeros), both
    /// digits only. Anything else is not valid.
    /// </summary>
    public static bool IsValid(string sortCode, string accountNumber)
    {
        ArgumentNullException.ThrowIfNull(sortCode);
        ArgumentNullException.ThrowIfNull(accountNumber);
        if (sortCode.Length != 6 || !sortCode.All(char.IsAsciiDigit) || accountNumber.Length is < 6 or > 8 || !accountNumber.All(char.IsAsciiDigit))
        {
            return false;
        }

        var account = accountNumber.PadLeft(8, '0');
        var code = int.Parse(sortCode, CultureInfo.InvariantCulture);
        var rows = Weights.Value.Where(row => code >= row.Start && code <= row.End).Take(2).ToList();
        if (rows.Count == 0)
        {
            return true; // Vocalink: no range, no check possible; presume valid.
        }

        var number = sortCode + account;
        // Exception 6: foreign currency accounts (a = 4 to 8 and g = h) cannot be checked.
        if (rows[0].Exception == 6 && Digit(number, A) is >= 4 and <= 8 && Digit(number, G) == Digit(number, H))
        {
            return true;
        }

        var first = Passes(rows[0], sortCode, account);
        if (!first && rows[0].Exception == 14)
        {
            // Exception 14: if the 8th digit is 0, 1 or 9, drop it, put a 0 in front and check again.
            return account[7] is '0' or '1' or '9' && Passes(rows[0], sortCode, "0" + account[..7]);
        }

        if (rows.Count == 1)
        {
            return first;
        }

        // Exception pairs 2 and 9, 10 and 11, 12 and 13: either check passing is enough. Otherwise both must pass.
        return rows[0].Exception is 2 or 10 or 12
            ? first || Passes(rows[1], sortCode, account)
            : first && Passes(rows[1], sortCode, account);
    }

    private static bool Passes(WeightRow row, string sortCode, string account)
    {
        var code = row.Exception switch
        {
            5 => Substitutes.Value.GetValueOrDefault(sortCode, sortCode),
            8 => "090126",
            9 => "309634",
            _ => sortCode,
        };
        var number = code + account;
        // Exception 3: when c is 6 or 9 the check (the second of two) is not run.
        if (row.Exception == 3 && Digit(number, C) is 6 or 9)
        {
            return true;
        }

        var weights = WeightsFor(row, number);
        var total = 0;
        for (var i = 0; i < 14; i++)
        {
            var product = Digit(number, i) * weights[i];
            total += row.Method == "DBLAL" ? product / 10 + product % 10 : product;
        }

        if (row.Exception == 1)
        {
            total += 27;
        }

        var remainder = total % (row.Method == "MOD11" ? 11 : 10);
        return row.Exception switch
        {
            4 => remainder == Digit(number, G) * 10 + Digit(number, H),
            5 when row.Method == "DBLAL" => remainder == 0 ? Digit(number, H) == 0 : Digit(number, H) == 10 - remainder,
            5 => remainder switch
            {
                0 => Digit(number, G) == 0,
                1 => false,
                _ => Digit(number, G) == 11 - remainder,
            },
            _ => remainder == 0,
        };
    }

    private static int[] WeightsFor(WeightRow row, string number)
    {
        int[] zeroUtoB = [0, 0, 0, 0, 0, 0, 0, 0, .. row.Weights[8..]];
        return row.Exception switch
        {
            2 when Digit(number, A) != 0 && Digit(number, G) != 9 => [0, 0, 1, 2, 5, 3, 6, 4, 8, 7, 10, 9, 3, 1],
            2 when Digit(number, A) != 0 => [0, 0, 0, 0, 0, 0, 0, 0, 8, 7, 10, 9, 3, 1],
            7 when Digit(number, G) == 9 => zeroUtoB,
            10 when number.Substring(A, 2) is "09" or "99" && Digit(number, G) == 9 => zeroUtoB,
            _ => row.Weights,
        };
    }

    private static int Digit(string number, int position) => number[position] - '0';

    private sealed record WeightRow(int Start, int End, string Method, int[] Weights, int Exception);

    private static IReadOnlyList<WeightRow> LoadWeights() => [.. ReadLines("valacdos.txt").Select(fields => new WeightRow(
        int.Parse(fields[0], CultureInfo.InvariantCulture),
        int.Parse(fields[1], CultureInfo.InvariantCulture),
        fields[2],
        [.. fields[3..17].Select(w => int.Parse(w, CultureInfo.InvariantCulture))],
        fields.Length > 17 ? int.Parse(fields[17], CultureInfo.InvariantCulture) : 0))];

    private static Dictionary<string, string> LoadSubstitutes() =>
        ReadLines("scsubtab.txt").ToDictionary(fields => fields[0], fields => fields[1]);

    private static List<string[]> ReadLines(string name)
    {
        using var stream = typeof(ModulusCheck).Assembly.GetManifestResourceStream($"modulus.{name}")
            ?? throw new InvalidOperationException($"The modulus table {name} is missing from the library.");
        using var reader = new StreamReader(stream);
        var lines = new List<string[]>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Split(' ', StringSplitOptions.RemoveEmptyEntries) is { Length: > 0 } fields)
            {
                lines.Add(fields);
            }
        }

        return lines;
    }
}
