using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Accounts;

/// <summary>A person's API tokens. Making one asks for the password again: a taken-over session cannot mint a lasting key.</summary>
[Authorize]
public sealed class ApiTokensModel(AppDbContext db, ApiTokens tokens, UserManager<User> users, IdentityCheck identity, TimeProvider clock) : PageModel
{
    public sealed record TokenRow(int Id, string Name, string Hint, DateTime CreatedAt, DateTime? LastUsedAt, DateTime? ExpiresAt, bool ReadOnly);

    /// <summary>How long a new token lasts: a year unless the person picks otherwise.</summary>
    public static readonly IReadOnlyList<GovukOption> Lifetimes =
        [new("30", "30 days"), new("90", "90 days"), new("365", "1 year"), new("never", "No expiry", "It works until you revoke it")];

    public static readonly IReadOnlyList<GovukOption> Accesses =
        [new("read-only", "Read only", "It can read what you can see, and change nothing"), new("read-write", "Read and change", "It can do anything you can do through the API")];

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Expires { get; set; } = "365";
    [BindProperty] public string? Access { get; set; } = "read-only";
    [BindProperty] public string? Password { get; set; }

    public IReadOnlyList<TokenRow> Tokens { get; private set; } = [];
    public bool TwoFactor { get; private set; }
    public DateTime Now { get; } = clock.UtcNow();

    /// <summary>Shown once, straight after it is made; never stored.</summary>
    public string? NewToken { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        var name = ModelState.Required(nameof(Name), Name, "Enter a name for the token", ApiToken.NameMaxLength, "The name");
        TimeSpan? lifetime = Expires switch
        {
            null or "" => TokenTerms.LongestLifetime,
            "never" => null,
            _ when int.TryParse(Expires, out var days) && Lifetimes.Any(l => l.Value == Expires) => TimeSpan.FromDays(days),
            _ => Refuse(nameof(Expires), "Choose when the token stops working"),
        };
        if (Access is not (null or "" or "read-only" or "read-write"))
        {
            ModelState.AddModelError(nameof(Access), "Choose what the token may do");
        }
        var readOnly = Access != "read-write";
        if (await identity.CheckAsync(user, Password) is { } wrong)
        {
            ModelState.AddModelError(nameof(Password), wrong);
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return this.Invalid();
        }
        NewToken = await tokens.IssueAsync(user.Id, name!, user.Id, new TokenTerms(lifetime, readOnly), cancellationToken);
        (Name, Password) = (null, null);
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken cancellationToken)
    {
        if (await tokens.RevokeAsync(User, id, cancellationToken))
        {
            TempData.Success("The token has been revoked. It no longer works");
        }
        return RedirectToPage();
    }

    private TimeSpan? Refuse(string field, string message)
    {
        ModelState.AddModelError(field, message);
        return null;
    }

    private async Task LoadAsync()
    {
        var userId = User.UserId();
        TwoFactor = await db.Users.Where(u => u.Id == userId).Select(u => u.TwoFactorEnabled).SingleOrDefaultAsync();
        Tokens = await db.ApiTokens.Where(t => t.UserId == userId && t.RevokedAt == null)
            .OrderByDescending(t => t.CreatedAt)
            .Select(t => new TokenRow(t.Id, t.Name, t.Hint, t.CreatedAt, t.LastUsedAt, t.ExpiresAt, t.IsReadOnly))
            .ToListAsync();
    }
}
