namespace ShapeOpenData.Tests.Support;

/// <summary>
/// One service for each area's test classes, which run one after another on it: starting a service (its host, its routes
/// and pages, its database) costs about a second of CPU, which a suite of hundreds of classes would otherwise pay for
/// each. The tests in them make their own people and items, and never count on an empty database. Classes that change
/// the service's settings, clock or calendar (non-working days move every deadline), need an empty database, or run the
/// program as a process keep a service of their own.
/// </summary>
public static class SharedService
{
    public const string Requests = "Shared service: requests, supports, comments, moderation, audit";
    public const string People = "Shared service: accounts, organisations, API, site, command line";
    public const string Engagement = "Shared service: groups, consultations, ethics assessments, commitments";
    public const string Publishing = "Shared service: catalogue, updates, outcomes, notifications, search";
    public const string Catalogue = "Shared service: the demo catalogue imported";
}

[CollectionDefinition(SharedService.Requests)]
public sealed class SharedRequestsService : ICollectionFixture<ServiceFactory>;

[CollectionDefinition(SharedService.People)]
public sealed class SharedPeopleService : ICollectionFixture<ServiceFactory>;

[CollectionDefinition(SharedService.Engagement)]
public sealed class SharedEngagementService : ICollectionFixture<ServiceFactory>;

[CollectionDefinition(SharedService.Publishing)]
public sealed class SharedPublishingService : ICollectionFixture<ServiceFactory>;

[CollectionDefinition(SharedService.Catalogue)]
public sealed class SharedCatalogueService : ICollectionFixture<CatalogueServiceFactory>;
