using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Accounts;

[Authorize]
public sealed class ApiTokensModel(AppDbContext db, ApiTokens tokens) : PageModel
{
    public sealed record TokenRow(int Id, string Name, string Hint, DateTime CreatedAt, DateTime? LastUsedAt);

    [BindProperty] public string? Name { get; set; }

    public IReadOnlyList<TokenRow> Tokens { get; private set; } = [];

    /// <summary>Shown once, straight after it is made; never stored.</summary>
    public string? NewToken { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        var name = ModelState.Required(nameof(Name), Name, "Enter a name for the token", 100, "The name");
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return this.Invalid();
        }
        NewToken = await tokens.IssueAsync(User.UserId()!.Value, name!, User.UserId(), cancellationToken);
        Name = null;
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

    private async Task LoadAsync()
    {
        var userId = User.UserId();
        Tokens = await db.ApiTokens.Where(t => t.UserId == userId && t.RevokedAt == null)
            .OrderByDescending(t => t.CreatedAt)
            .Select(t => new TokenRow(t.Id, t.Name, t.Hint, t.CreatedAt, t.LastUsedAt))
            .ToListAsync();
    }
}
