using Microsoft.AspNetCore.Mvc.ModelBinding;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Groups.Pages;

/// <summary>The fields of a group, shared by the create and change pages.</summary>
public sealed class GroupForm
{
    public static readonly IReadOnlyList<GovukOption> Kinds = GovukOption.FromEnum<GroupKind>();
    public static readonly IReadOnlyList<GovukOption> Policies = GovukOption.FromEnum<MembershipPolicy>();
    public static readonly IReadOnlyList<GovukOption> Visibilities =
    [
        new("public", "Public", "Anyone can see its members, meetings, minutes and actions."),
        new("members", "Members only", "Others see only its name, purpose, how to join and how many members it has."),
    ];
    public static readonly IReadOnlyList<GovukOption> States = [new("active", "Active"), new("closed", "Closed", "No new members or meetings; its record stays public.")];

    public string? Slug { get; set; }
    public string? Name { get; set; }
    public string? Kind { get; set; }
    public string? Purpose { get; set; }
    public string? Terms { get; set; }
    public string? Policy { get; set; }
    public string? Visibility { get; set; }
    public string? Status { get; set; }

    public static GroupForm From(Group group) => new()
    {
        Slug = group.Slug, Name = group.Name, Kind = group.Kind.ToCode(), Purpose = group.Purpose, Terms = group.TermsOfReference,
        Policy = group.Policy.ToCode(), Visibility = group.MembersOnly ? "members" : "public", Status = group.IsClosed ? "closed" : "active",
    };

    /// <summary>The details, or null with an error on each field that is wrong.</summary>
    public GroupDetails? Read(ModelStateDictionary state, string prefix)
    {
        var name = state.Required(prefix + nameof(Name), Name, "Enter the group's name", Group.NameMaxLength, "The name");
        var kind = state.Choice<GroupKind>(prefix + nameof(Kind), Kind, "Select what kind of group it is");
        var purpose = state.Required(prefix + nameof(Purpose), Purpose, "Enter what the group is for", Group.PurposeMaxLength, "The purpose");
        var terms = state.Optional(prefix + nameof(Terms), Terms, Group.TermsMaxLength, "The terms of reference");
        var policy = state.Choice<MembershipPolicy>(prefix + nameof(Policy), Policy, "Select how people join");
        if (Visibility is not ("public" or "members"))
        {
            state.AddModelError(prefix + nameof(Visibility), "Select who can see the group's work");
        }
        return state.IsValid
            ? new GroupDetails(name!, kind!.Value, purpose!, terms ?? "", policy!.Value, Visibility == "members", Status == "closed")
            : null;
    }

    /// <summary>The short name in the group's address, or null with an error.</summary>
    public string? ReadSlug(ModelStateDictionary state, string prefix)
    {
        var slug = state.Required(prefix + nameof(Slug), Slug?.ToLowerInvariant(), "Enter a short name for the group's web address", Slugs.MaxLength, "The short name");
        if (slug is not null && !Slugs.IsValid(slug))
        {
            state.AddModelError(prefix + nameof(Slug), "The short name can only contain lower-case letters, numbers and hyphens, like data-standards");
            return null;
        }
        return slug;
    }
}
