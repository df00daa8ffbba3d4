using ShapeOpenData.Modules.Shared;
namespace ShapeOpenData.Modules.Groups;

internal static class Rules
{
    public static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new RuleException(message);
        }
    }
}

