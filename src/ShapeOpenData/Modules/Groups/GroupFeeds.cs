namespace ShapeOpenData.Modules.Groups;

public static class GroupFeeds
{
    public static void Map(WebApplication app)
    {
    }
}
