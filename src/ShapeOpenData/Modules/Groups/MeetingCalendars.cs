namespace ShapeOpenData.Modules.Groups;

public static class MeetingCalendars
{
    public static void Map(WebApplication app)
    {
    }
}
