using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ShapeOpenData.Modules.Accounts;

/// <summary>Identity's errors in plain English, on the field they are about.</summary>
internal static class IdentityMessages
{
    public static void AddTo(ModelStateDictionary state, IdentityResult result, string passwordKey = "Password")
    {
        foreach (var error in result.Errors)
        {
            var message = error.Code switch
            {
                "PasswordTooShort" => "Password must be 10 characters or more",
                "PasswordMismatch" => "Your current password is not right",
                "InvalidToken" => "This link has expired or has already been used. Ask for a new one",
                "PasswordRequiresUniqueChars" => "Password must use more different characters",
                _ => "There was a problem with your password. Try a different one",
            };
            state.AddModelError(error.Code == "InvalidToken" ? "" : passwordKey, message);
        }
    }
}
