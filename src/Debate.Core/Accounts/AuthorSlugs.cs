using System.Text;
using Debate.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Debate.Core.Accounts;

/// <summary>The author slug a new member writes under: their username made readable, numbered when taken ("alice-2").</summary>
public static class AuthorSlugs
{
    public static string FromUserName(string userName)
    {
        var slug = new StringBuilder(userName.Length);
        foreach (var c in userName.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
                slug.Append(c);
            else if (slug.Length > 0 && slug[^1] != '-')
                slug.Append('-');
        }
        var result = slug.ToString().TrimEnd('-');
        return result.Length > 0 ? result : "member";
    }

    /// <summary>Call inside the transaction that saves the author: it holds a lock on the stem until that transaction ends.</summary>
    public static async Task<string> UniqueAsync(DebateDbContext db, string userName, CancellationToken cancellationToken)
    {
        var stem = FromUserName(userName);
        // Registrations with the same stem ("Alice", "alice.", a form sent twice) wait for each other rather than
        // all choosing the same free slug.
        if (db.Database.CurrentTransaction is not null)
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({stem}))", cancellationToken);
        var taken = await db.Authors.Where(a => a.Slug == stem || a.Slug.StartsWith(stem + "-"))
            .Select(a => a.Slug).ToListAsync(cancellationToken);
        if (!taken.Contains(stem, StringComparer.Ordinal))
            return stem;
        var number = 2;
        while (taken.Contains($"{stem}-{number}", StringComparer.Ordinal))
            number++;
        return $"{stem}-{number}";
    }
}
