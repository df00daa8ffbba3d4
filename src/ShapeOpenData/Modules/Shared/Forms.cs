using System.Net.Mail;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ShapeOpenData.Modules.Shared;

/// <summary>
/// Checks shared by every form, each adding a GOV.UK-style message to the field that is wrong.
/// </summary>
public static class Forms
{
    /// <summary>The page again, with its error summary, as 400 Bad Request.</summary>
    public static PageResult Invalid(this PageModel page)
    {
        var result = page.Page();
        result.StatusCode = StatusCodes.Status400BadRequest;
        return result;
    }

    /// <summary>Trimmed text, or null after adding <paramref name="missing"/> or a too-long message.</summary>
    public static string? Required(this ModelStateDictionary state, string key, string? value, string missing, int maxLength, string? name = null)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            state.AddModelError(key, missing);
            return null;
        }
        return state.NotTooLong(key, text, maxLength, name);
    }

    /// <summary>Trimmed text or null when empty; too long adds an error.</summary>
    public static string? Optional(this ModelStateDictionary state, string key, string? value, int maxLength, string name)
    {
        var text = value?.Trim();
        return string.IsNullOrEmpty(text) ? null : state.NotTooLong(key, text, maxLength, name);
    }

    private static string? NotTooLong(this ModelStateDictionary state, string key, string text, int maxLength, string? name)
    {
        if (text.Length <= maxLength)
        {
            return text;
        }
        state.AddModelError(key, $"{name ?? "This"} must be {maxLength} characters or fewer");
        return null;
    }

    public static string? Email(this ModelStateDictionary state, string key, string? value)
    {
        var email = state.Required(key, value, "Enter an email address", 254, "Email address");
        if (email is null)
        {
            return null;
        }
        if (!MailAddress.TryCreate(email, out var address) || address.Address != email || !address.Host.Contains('.', StringComparison.Ordinal))
        {
            state.AddModelError(key, "Enter an email address in the correct format, like name@example.com");
            return null;
        }
        return email;
    }

    /// <summary>A value that must be one of the enum's codes (radios, selects).</summary>
    public static TEnum? Choice<TEnum>(this ModelStateDictionary state, string key, string? code, string missing) where TEnum : struct, Enum
    {
        if (Infrastructure.Codes.TryParse<TEnum>(code, out var value))
        {
            return value;
        }
        state.AddModelError(key, missing);
        return null;
    }

    /// <summary>A filter that may be left empty, but when given must be one of the enum's codes.</summary>
    public static TEnum? OptionalChoice<TEnum>(this ModelStateDictionary state, string key, string? code, string message) where TEnum : struct, Enum
    {
        if (string.IsNullOrEmpty(code)) return null;
        if (Infrastructure.Codes.TryParse<TEnum>(code, out var value)) return value;
        state.AddModelError(key, message);
        return null;
    }

    /// <summary>Only local paths, so a link can never send someone to another site after signing in.</summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/";
}
