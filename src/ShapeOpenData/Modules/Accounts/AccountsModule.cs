using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Audit;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Accounts;

/// <summary>
/// Accounts: ASP.NET Core Identity with email confirmation, lockout and TOTP two-factor; roles; publisher
/// memberships; personal API tokens; "download my data" and "delete my account".
/// </summary>
public static class AccountsModule
{
    public const string SessionCookie = "sod_session";

    /// <summary>What the audit log calls a person's account (their roles), and a personal API token.</summary>
    public const string AccountItemType = "account";
    public const string TokenItemType = "api_token";

    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<SecurityOptions>(builder.Configuration.GetSection("Security"));
        // The codes in confirmation and password reset links stay out of logs and traces.
        services.AddSecretInUrl(null, "code");
        services.AddIdentity<User, Role>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedEmail = true;
                // Length over complexity, as the NCSC advises.
                options.Password.RequiredLength = 10;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<AccountClaimsFactory>();

        // Pages sign in with the Identity cookie; the API only with personal tokens, so a page can never be
        // tricked into calling the API with someone's cookie.
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = "cookie-or-token";
                options.DefaultAuthenticateScheme = "cookie-or-token";
                options.DefaultChallengeScheme = "cookie-or-token";
                options.DefaultForbidScheme = "cookie-or-token";
            })
            .AddPolicyScheme("cookie-or-token", "Cookie for pages, token for the API", options =>
                options.ForwardDefaultSelector = context =>
                    Errors.IsApi(context) ? ApiTokenAuthenticationHandler.SchemeName : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null);

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = SessionCookie;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            options.LoginPath = "/account/sign-in";
            options.LogoutPath = "/account/sign-out";
            options.ReturnUrlParameter = "returnUrl";
            // A refusal is a 403 page in place, not a redirect elsewhere.
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o => o.Cookie.Name = "sod_two_factor");
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorRememberMeScheme, o => o.Cookie.Name = "sod_two_factor_remember");
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.ExternalScheme, o => o.Cookie.Name = "sod_external");
        // Role changes and sign-outs elsewhere reach open sessions within a minute.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));
        services.Configure<CookieTempDataProviderOptions>(options => options.Cookie.Name = PublicPageCache.Flash);

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Administrator, policy => policy.RequireAssertion(context => AccountPermissions.CanAdminister(context.User)))
            .AddPolicy(Policies.Administration, policy => policy.RequireAssertion(context => AccountPermissions.CanReachAdministration(context.User)));

        services.AddMemoryCache();
        services.AddScoped<ApiTokens>();
        services.AddScoped<IdentityCheck>();
        services.AddScoped<SignIn.SignInNotices>();
        services.AddScoped<AccountEmails>();
        services.AddScoped<PersonalDataExport>();
        services.AddScoped<IPersonalData, AccountPersonalData>();
        services.AddScoped<Onboarding>();
        services.AddScoped<IAuditActors, AuditActors>();
        services.AddScoped<IReferenceData, RoleReferenceData>();
        services.AddScoped<IDemoContent, DemoAccounts>();
        services.AddSingleton(new NavigationItem("Your account", "/account", 90, AccountPermissions.HasAccount));
        services.AddSingleton(new NavigationItem("Admin", "/admin", 95, AccountPermissions.CanReachAdministration));
        return builder;
    }

    public static WebApplication MapAccounts(this WebApplication app)
    {
        // After authentication and authorisation, before any endpoint: a read-only token changes nothing, whichever
        // endpoint it calls, including ones added later.
        app.Use(async (context, next) =>
        {
            if (Errors.IsApi(context) && !IsRead(context.Request.Method) && context.User.HasReadOnlyToken())
            {
                await Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
                    detail: "This API token is read-only: it can read but not change anything. Use a token that may change things.").ExecuteAsync(context);
                return;
            }
            await next(context);
        });
        AccountsApi.Map(app.MapGroup("/api/v1/me").WithTags("Accounts"));
        return app;
    }

    private static bool IsRead(string method) => HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method);
}

public static class Policies
{
    public const string Administrator = "administrator";
    public const string Administration = "administration";
}

internal sealed class UserMapping : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> user)
    {
        user.Property(u => u.DisplayName).HasMaxLength(100).IsRequired();
        user.Property(u => u.Sector).HasConversion<CodeConverter<Sector>>().HasMaxLength(20);
        user.Property(u => u.OrganisationName).HasMaxLength(200);
        user.Property(u => u.Bio).HasMaxLength(1000);
        user.HasMany(u => u.PublisherMemberships).WithOne(m => m.User).HasForeignKey(m => m.UserId);
    }
}

internal sealed class PublisherMembershipMapping : IEntityTypeConfiguration<PublisherMembership>
{
    public void Configure(EntityTypeBuilder<PublisherMembership> membership)
    {
        membership.HasKey(m => new { m.UserId, m.OrganisationId });
        membership.HasOne(m => m.Organisation).WithMany().HasForeignKey(m => m.OrganisationId);
    }
}

internal sealed class ApiTokenMapping : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> token)
    {
        token.Property(t => t.Name).HasMaxLength(ApiToken.NameMaxLength).IsRequired();
        token.Property(t => t.Hash).HasMaxLength(64).IsRequired();
        token.Property(t => t.Hint).HasMaxLength(20).IsRequired();
        token.HasIndex(t => t.Hash).IsUnique();
        token.HasOne(t => t.User).WithMany().HasForeignKey(t => t.UserId);
    }
}
