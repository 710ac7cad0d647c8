namespace Debate.Core.Postgres;

/// <summary>No PostgreSQL server could be found, installed or started. The message is one line saying what to do.</summary>
public sealed class PostgresUnavailableException(string message) : Exception(message);
