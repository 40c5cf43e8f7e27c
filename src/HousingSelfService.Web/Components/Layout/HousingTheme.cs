using MudBlazor;

namespace HousingSelfService.Web.Components.Layout;

/// <summary>Council colours. Every text/background pair here is at least 4.5:1 (checked in wwwroot/css/app.css notes).</summary>
public static class HousingTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0b4f6c",          // 9.0:1 on white
            Secondary = "#5c2d91",        // 9.6:1 on white
            Error = "#b3261e",            // 6.5:1 on white
            Success = "#1f6f3f",          // 6.3:1 on white
            Warning = "#8a4b00",          // 6.6:1 on white
            Info = "#0b4f6c",
            TextPrimary = "#1b1b1b",
            TextSecondary = "#4a4a4a",    // 8.9:1 on white
            Background = "#ffffff",
            Surface = "#ffffff",
            AppbarBackground = "#0b4f6c",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Arial", "sans-serif"], FontSize = "1rem" },
            // Sentence case reads more easily than capitals.
            Button = new ButtonTypography { TextTransform = "none", FontWeight = "700", FontSize = "1rem" },
        },
    };
}
