using System.Net.Http.Json;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Tests.DatasetRequests;

/// <summary>Two people changing one request at the same moment: one wins, the other is told, never a 500.</summary>
[Collection(SharedService.Requests)]
public sealed class ConcurrentChangeTests(ServiceFactory service)
{
    [Fact]
    public async Task TwoManagersReviewingAtOnce_OneChangesIt_TheOtherIsTold409()
    {
        var programme = await service.ApiClientAsync(await service.CreatePersonAsync(Roles.ProgrammeTeam, twoFactor: true, withPassword: false));
        var publisher = await service.ApiClientAsync(await service.CreatePersonAsync(Roles.Publisher, "department-for-transport", twoFactor: true, withPassword: false));
        for (var round = 0; round < 5; round++)
        {
            var id = await service.SubmitRequestAsync(await service.CreatePersonAsync(withPassword: false));

            var answers = await Task.WhenAll(new[] { programme, publisher }.Select(c => c.PostAsJsonAsync($"/api/v1/requests/{id}/review", new { })));

            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
        }
    }
}
