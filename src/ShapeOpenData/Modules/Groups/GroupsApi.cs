namespace ShapeOpenData.Modules.Groups;

public static class GroupsApi
{
    public static void Map(WebApplication app)
    {
    }
}
