using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Debate.Core.Data;

/// <summary>Stores an enum as its lower-case name, the spelling the interchange format uses, so SQL reads like the JSON.</summary>
public sealed class LowerCaseEnumConverter<TEnum>() : ValueConverter<TEnum, string>(
    value => LowerCaseEnum.Name(value),
    text => Enum.Parse<TEnum>(text, true))
    where TEnum : struct, Enum;

public static class LowerCaseEnum
{
    /// <summary>The stored spelling, also for writers that bypass EF Core (binary COPY).</summary>
    public static string Name<TEnum>(TEnum value) where TEnum : struct, Enum => value.ToString().ToLowerInvariant();
}
