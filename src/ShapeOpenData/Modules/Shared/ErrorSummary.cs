using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace ShapeOpenData.Modules.Shared;

/// <summary>
/// The errors to list in the GOV.UK error summary, in the order their fields appear: the order the page
/// model declares its bound properties (forms are laid out in that order).
/// </summary>
public static class ErrorSummary
{
    public static IReadOnlyList<(string Key, string Message)> Errors(ViewContext context)
    {
        var order = FieldOrder(context.ViewData.Model?.GetType());
        return [.. context.ModelState
            .Where(entry => entry.Value is { Errors.Count: > 0 })
            // A field of a list bound as one (Sections[2].Body) goes where the list is.
            .OrderBy(entry => order.IndexOf(entry.Key) is var i and >= 0 ? i
                : order.IndexOf(entry.Key.Split('[')[0]) is var list and >= 0 ? list
                : entry.Key.Length == 0 ? -1 : int.MaxValue)
            .ThenBy(entry => entry.Key, StringComparer.Ordinal)
            .SelectMany(entry => entry.Value!.Errors.Select(error => (entry.Key, error.ErrorMessage)))];
    }

    private static List<string> FieldOrder(Type? model)
    {
        var keys = new List<string>();
        if (model is null)
        {
            return keys;
        }
        foreach (var property in Declared(model).Where(p => p.GetCustomAttribute<BindPropertyAttribute>() is not null))
        {
            keys.Add(property.Name);
            // Forms bound as one object (Form.Name, Form.Slug …) list their fields in the same way.
            if (property.PropertyType.IsClass && property.PropertyType != typeof(string) && property.PropertyType.Namespace?.StartsWith("ShapeOpenData", StringComparison.Ordinal) == true)
            {
                keys.AddRange(Declared(property.PropertyType).Select(p => $"{property.Name}.{p.Name}"));
            }
        }
        return keys;
    }

    private static IEnumerable<PropertyInfo> Declared(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(p => p.MetadataToken);
}
