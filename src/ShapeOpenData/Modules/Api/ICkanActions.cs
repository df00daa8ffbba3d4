namespace ShapeOpenData.Modules.Api;

/// <summary>One action of CKAN's Action API, answered at <c>/api/3/action/{Name}</c>.</summary>
/// <param name="Name">CKAN's name for it, like <c>package_show</c>.</param>
/// <param name="Help">What <c>help_show</c> says about it: CKAN gives the action's documentation.</param>
/// <param name="RunAsync">
/// What it gives as <c>result</c>, serialised with CKAN's field names (snake case). It refuses a call by throwing one of
/// the CKAN exceptions (<see cref="CkanValidationException"/>, <see cref="CkanNotFoundException"/> …), which the
/// endpoint turns into CKAN's error and status code.
/// </param>
public sealed record CkanAction(string Name, string Help, Func<CkanParameters, CancellationToken, Task<object>> RunAsync);

/// <summary>
/// The CKAN actions a module answers. Registered scoped (<c>services.AddScoped&lt;ICkanActions, …&gt;()</c>) and
/// resolved for each call, so that its actions use that request's <c>AppDbContext</c>. Names are unique across modules.
/// </summary>
public interface ICkanActions
{
    IEnumerable<CkanAction> Actions { get; }
}
