using System.ComponentModel.DataAnnotations;

namespace ShapeOpenData.Modules.Shared;

/// <summary>The programme's fixed taxonomy (DESIGN §6), shared by requests, datasets and what comes next.</summary>
public enum Theme
{
    [Display(Name = "Business and economy")] BusinessAndEconomy,
    [Display(Name = "Crime and justice")] CrimeAndJustice,
    [Display(Name = "Defence")] Defence,
    [Display(Name = "Education")] Education,
    [Display(Name = "Environment")] Environment,
    [Display(Name = "Government")] Government,
    [Display(Name = "Government spending")] GovernmentSpending,
    [Display(Name = "Health")] Health,
    [Display(Name = "Mapping")] Mapping,
    [Display(Name = "Society")] Society,
    [Display(Name = "Towns and cities")] TownsAndCities,
    [Display(Name = "Transport")] Transport,
    [Display(Name = "Digital service performance")] DigitalServicePerformance,
    [Display(Name = "Government reference data")] GovernmentReferenceData,
}
