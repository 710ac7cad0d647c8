using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Debate.Core.Data;

/// <summary>Stores an enum as its lower-case name, the spelling the interchange format uses, so SQL reads like the JSON.</summary>
public sealed class LowerCaseEnumConverter<TEnum>() : ValueConverter<TEnum, string>(
    value => value.ToString().ToLowerInvariant(),
    text => Enum.Parse<TEnum>(text, true))
    where TEnum : struct, Enum;
