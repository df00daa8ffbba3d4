namespace ShapeOpenData.Modules.Groups;

/// <summary>A group, meeting or action refused a change; the message is for the person, and pages show it on the form.</summary>
public sealed class GroupRuleException(string message) : Exception(message);

internal static class Rules
{
    public static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new GroupRuleException(message);
        }
    }
}

public sealed class GroupNotFoundException() : Exception("There is no such group, meeting or action");

public sealed class GroupForbiddenException() : Exception("You cannot do that");
