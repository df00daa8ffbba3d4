using Microsoft.AspNetCore.Identity;

namespace ShapeOpenData.Modules.Accounts;

/// <summary>
/// Asks a signed-in person to show again that it is them before a change a taken-over session must not make on its
/// own (a new API token, two-factor authentication off, new recovery codes): their password, or a current code from
/// their authenticator app when they have one. Wrong answers count towards the lockout, as at sign-in.
/// </summary>
public sealed class IdentityCheck(UserManager<User> users)
{
    public const string Missing = "Enter your password";
    public const string Wrong = "Your password or code is not right";
    public const string LockedOut = "You have entered the wrong password too many times. Wait 15 minutes, then try again";

    /// <summary>The label of the field that asks, for someone with or without an authenticator app.</summary>
    public static string Label(bool twoFactor) => twoFactor ? "Your password, or a code from your authenticator app" : "Your password";

    /// <returns>The message for the field, or null when the answer shows it is them.</returns>
    public async Task<string?> CheckAsync(User user, string? answer)
    {
        if (string.IsNullOrWhiteSpace(answer))
        {
            return Missing;
        }
        if (await users.IsLockedOutAsync(user))
        {
            return LockedOut;
        }
        // Passwords are 10 characters or more, so six digits can only be a code.
        var code = user.TwoFactorEnabled ? TwoFactorCodes.Normalise(answer) : null;
        var right = code is not null
            ? await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code)
            : await users.CheckPasswordAsync(user, answer);
        if (right)
        {
            await users.ResetAccessFailedCountAsync(user);
            return null;
        }
        await users.AccessFailedAsync(user);
        return Wrong;
    }
}
