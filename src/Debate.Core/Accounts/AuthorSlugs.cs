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

    public static async Task<string> UniqueAsync(DebateDbContext db, string userName, CancellationToken cancellationToken)
    {
        var stem = FromUserName(userName);
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
