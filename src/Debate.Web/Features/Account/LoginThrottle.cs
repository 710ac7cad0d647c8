using System.Net;
using Debate.Core.Accounts;
using Microsoft.Extensions.Caching.Memory;

namespace Debate.Web.Features.Account;

/// <summary>
/// Wrong passwords counted per account name and address. Five from one address stop that address trying the name
/// for fifteen minutes; the account itself locks only after many more from anywhere (Identity's lockout), so
/// someone who knows a moderator's name cannot keep them out with five requests every quarter of an hour. Names
/// that belong to nobody are counted alike, so the answer does not tell which accounts exist. Kept in this
/// instance's memory, as the rate limits are.
/// </summary>
public sealed class LoginThrottle : IDisposable
{
    private sealed class Failures
    {
        public int Count;
    }

    private readonly MemoryCache _failures = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    private static string Key(string name, IPAddress? address) => $"{name.Trim().ToUpperInvariant()}|{address}";

    public bool IsBlocked(string name, IPAddress? address) =>
        _failures.TryGetValue(Key(name, address), out Failures? failures) && Volatile.Read(ref failures!.Count) >= AccountRules.MaxFailedLoginsFromOneAddress;

    public void Failed(string name, IPAddress? address)
    {
        var failures = _failures.GetOrCreate(Key(name, address), entry =>
        {
            entry.Size = 1;
            entry.AbsoluteExpirationRelativeToNow = AccountRules.LockoutDuration;
            return new Failures();
        })!;
        Interlocked.Increment(ref failures.Count);
    }

    public void Succeeded(string name, IPAddress? address) => _failures.Remove(Key(name, address));

    public void Dispose() => _failures.Dispose();
}
