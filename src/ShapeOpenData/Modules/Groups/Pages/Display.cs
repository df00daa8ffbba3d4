namespace ShapeOpenData.Modules.Groups.Pages;

/// <summary>Short phrases the group pages share.</summary>
public static class Display
{
    public static string Policy(MembershipPolicy policy) => policy switch
    {
        MembershipPolicy.Open => "Open to anyone",
        MembershipPolicy.OnRequest => "Ask to join",
        _ => "By invitation",
    };

    public static string Count(int count, string one, string many) => $"{count} {(count == 1 ? one : many)}";
}
