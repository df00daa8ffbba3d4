using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Moderation;

/// <summary>
/// A blocked person can read but not write: every page form and API write they send is refused with a 403 that
/// says why and until when, whatever module it is for. Their own account (its settings, sign-out, deletion) and
/// asking for the block to be reviewed stay open to them.
/// </summary>
public static class Blocks
{
    public static Task<Block?> ActiveAsync(AppDbContext db, int userId, DateTime now, CancellationToken cancellationToken) =>
        db.Blocks.Where(b => b.UserId == userId && b.LiftedAt == null && (b.Until == null || b.Until > now))
            .OrderByDescending(b => b.Id).FirstOrDefaultAsync(cancellationToken);

    /// <summary>"until 4 December 2026 at 9:30am" or "permanently".</summary>
    public static string Describe(Block block) => block.Until is { } until
        ? $"until {until.ToUkTime():d MMMM yyyy} at {until.ToUkClockTime()}"
        : "permanently";

    public static string Explain(Block block) =>
        $"A moderator has blocked your account {Describe(block)}, because of \"{block.Reason.ToText()}\". You can read everything, but you cannot post or change anything.";

    /// <summary>The block the signed-in person is under, for the error page to explain.</summary>
    public const string Refused = "moderation.block";

    public static WebApplication UseBlocks(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (IsWrite(context.Request) && !StaysOpen(context.Request.Path) && context.User.UserId() is { } userId)
            {
                var db = context.RequestServices.GetRequiredService<AppDbContext>();
                var now = context.RequestServices.GetRequiredService<TimeProvider>().UtcNow();
                if (await ActiveAsync(db, userId, now, context.RequestAborted) is { } block)
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    if (Errors.IsApi(context))
                    {
                        await Results.Problem(new ProblemDetails { Status = 403, Title = "Your account is blocked", Detail = Explain(block) }).ExecuteAsync(context);
                        return;
                    }
                    context.Items[Refused] = block;
                    return;  // the error page says why, and until when
                }
            }
            await next(context);
        });
        return app;
    }

    private static bool IsWrite(HttpRequest request) =>
        !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method));

    /// <summary>
    /// What a blocked person may still do: look after their account (settings, sign-out, their data, deletion),
    /// ask for the block to be reviewed, be shown the error page that explains, and search the catalogue through CKAN's POST form of a read.
    /// </summary>
    private static bool StaysOpen(PathString path) =>
        path.StartsWithSegments("/account") || path.StartsWithSegments("/moderation/about") || path.StartsWithSegments("/api/3/action") || path.StartsWithSegments("/api/action")
        || path.StartsWithSegments("/unsubscribe") || path.StartsWithSegments("/error");
}
