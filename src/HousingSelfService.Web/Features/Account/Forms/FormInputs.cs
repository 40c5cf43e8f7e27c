namespace HousingSelfService.Web.Features.Account.Forms;

/// <summary>A form with one email address field.</summary>
public sealed class EmailInput
{
    public string? Email { get; set; }
}

/// <summary>A form with an email address and a password.</summary>
public sealed class EmailPasswordInput
{
    public string? Email { get; set; }

    public string? Password { get; set; }
}

/// <summary>A form with one code field (security code, recovery code).</summary>
public sealed class CodeInput
{
    public string? Code { get; set; }
}
