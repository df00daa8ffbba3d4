namespace ShapeOpenData.Cli;

/// <summary>What generated requests are about, where, when and in what form, and what people say about them.</summary>
internal static class BenchmarkWords
{
    public static readonly string[] Measures =
    [
        "Bus punctuality", "Road casualties", "Air quality readings", "School exclusions", "Hospital waiting times", "Planning decisions",
        "River water quality", "Business rates relief", "Housing starts", "Crime outcomes", "Recycling rates", "Broadband coverage",
        "Energy use in public buildings", "Library visits", "Court backlogs", "Apprenticeship starts", "Fly-tipping incidents", "Tree planting",
        "Pothole repairs", "Noise complaints", "Food hygiene inspections", "Train delays", "Cycle counts", "Chargepoint availability",
        "Flood warnings", "GP appointments", "Benefit claims", "Council tax collection", "Homelessness applications", "Carbon emissions",
        "Bridge inspections", "Ambulance response times", "Care home places", "Park maintenance", "Street lighting faults", "Parking fines",
        "Water leaks", "Public toilet opening hours", "Allotment waiting lists", "Bin collection misses",
    ];

    public static readonly string[] Breakdowns =
    [
        "by route", "by ward", "by local authority", "by school", "by hospital trust", "by month", "by postcode district", "by police force area",
        "by age group", "by station", "by constituency", "by region", "by sector", "by operator", "by week", "by site",
    ];

    public static readonly string[] Places =
    [
        "Leeds", "Bristol", "Norfolk", "Manchester", "Cardiff", "Glasgow", "Belfast", "Birmingham", "Sheffield", "Newcastle", "Liverpool", "Cornwall",
        "Kent", "Devon", "Cumbria", "Edinburgh", "Aberdeen", "Swansea", "Derry", "Nottingham", "Leicester", "Coventry", "Hull", "Plymouth",
        "Southampton", "Portsmouth", "Brighton", "Oxford", "Cambridge", "York", "Durham", "Lincoln", "Exeter", "Norwich", "Ipswich", "Dundee",
        "Inverness", "Stirling", "Newport", "Wrexham", "Lisburn", "Armagh", "Bradford", "Wakefield", "Sunderland", "Middlesbrough", "Preston",
        "Blackpool", "Bolton", "Stockport", "Reading", "Swindon", "Gloucester", "Worcester", "Hereford", "Shrewsbury", "Stoke", "Derby",
        "England", "Wales", "Scotland", "Northern Ireland", "the North East", "the South West",
    ];

    public static readonly string[] Periods = ["since 2010", "from 2015 to 2025", "for 2024", "monthly since 2018", "from 2020 onwards", "each quarter", "for the last five years", "since 2000", "weekly", "daily"];
    public static readonly string[] Forms = ["", " as open data", " as CSV", " in real time", " with locations"];
    public static readonly string[] Sentences =
    [
        "We need this to plan services properly.", "Is there any update on this?", "The current release stops in 2019.",
        "A CSV would be fine; an API would be better.", "Our members ask for this every week.", "Please include the methodology.",
        "Same here: we are doing this by hand from PDFs.", "Could it be broken down by month?", "Thank you for the update.",
    ];
}
