using Microsoft.AspNetCore.Mvc;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Updates.Pages;

/// <summary>Every update with one tag, newest first: where a tag on an update leads.</summary>
public sealed class TagModel(UpdateReadModel read) : UpdateListModel(read)
{
    public string Tag { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string tag, [FromQuery(Name = "page")] int? page, CancellationToken cancellationToken)
    {
        Tag = tag;
        if (!await LoadAsync(new UpdateFilter(tag), page, cancellationToken))
        {
            return this.Invalid();
        }
        return Total == 0 ? NotFound() : Page();
    }
}
