using ShapeOpenData.Modules.Consultations;
using ShapeOpenData.Modules.Consultations.Statements;

namespace ShapeOpenData.Tests.Consultations;

/// <summary>Statements and votes made the way people make them, through the same services the pages and the API use.</summary>
public static class TestStatements
{
    public static Task<Statement> SubmitStatementAsync(this ServiceFactory service, Person author, string slug, string text) =>
        service.WithServicesAsync(async s => await s.GetRequiredService<StatementBoard>().SubmitAsync(slug, text, await service.PrincipalAsync(author)));

    public static Task<VoteResult> VoteAsync(this ServiceFactory service, Person voter, string slug, int statementId, VoteChoice choice) =>
        service.WithServicesAsync(async s => await s.GetRequiredService<Voting>().VoteAsync(slug, statementId, choice, await service.PrincipalAsync(voter)));

    /// <summary>The statement's counts, and the votes its rows hold, by choice.</summary>
    public static Task<((int Agrees, int Disagrees, int Passes) Counts, (int Agrees, int Disagrees, int Passes) Rows)> CountsAndRowsAsync(this ServiceFactory service, int statementId) =>
        service.WithDatabaseAsync(async db =>
        {
            var statement = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Statements, s => s.Id == statementId);
            var rows = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
                db.StatementVotes.Where(v => v.StatementId == statementId).Select(v => v.Choice));
            return ((statement.Agrees, statement.Disagrees, statement.Passes),
                (rows.Count(c => c == VoteChoice.Agree), rows.Count(c => c == VoteChoice.Disagree), rows.Count(c => c == VoteChoice.Pass)));
        });
}
