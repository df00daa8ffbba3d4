using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace ShapeOpenData.Modules.Shared;

/// <summary>A one-line success message shown on the next page, after a redirect.</summary>
public static class Flash
{
    public const string Key = "flash";

    public static void Success(this ITempDataDictionary tempData, string message) => tempData[Key] = message;
}
