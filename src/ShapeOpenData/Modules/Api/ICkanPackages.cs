namespace ShapeOpenData.Modules.Api;

/// <summary>A dataset as a CKAN package, for a module that shows one inside its own dicts.</summary>
/// <param name="Id">The package's CKAN id.</param>
/// <param name="Package">The package as <c>package_show</c> gives it, written by its runtime type.</param>
public sealed record CkanPackageRef(string Id, object Package);

/// <summary>
/// Datasets as CKAN packages, from the module that keeps them, for other modules' CKAN actions: ckanext-datarequests
/// embeds the dataset that answered a request as its <c>accepted_dataset</c>.
/// </summary>
public interface ICkanPackages
{
    /// <summary>The packages of the datasets with these ids; an id with no dataset is left out.</summary>
    Task<IReadOnlyDictionary<int, CkanPackageRef>> PackagesAsync(IReadOnlyCollection<int> datasetIds, CancellationToken cancellationToken);
}
