using Microsoft.AspNetCore.Mvc;
using ShapeOpenData.Data;

namespace ShapeOpenData.Modules.Groups.Pages;

/// <summary>The create and change pages: the same fields, bound as <see cref="Form"/>.</summary>
public abstract class GroupFormPage(AppDbContext db, GroupAccess access) : GroupPage(db, access)
{
    [BindProperty] public GroupForm Form { get; set; } = new();

    public abstract bool IsNew { get; }
}
