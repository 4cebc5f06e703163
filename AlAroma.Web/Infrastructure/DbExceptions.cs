using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AlAroma.Web.Infrastructure;

/// <summary>Recognises PostgreSQL errors that carry business meaning (SQLSTATE codes, PostgreSQL docs appendix A).</summary>
public static class DbExceptions
{
    /// <summary>23505 unique_violation, optionally on a given constraint/index name.</summary>
    public static bool IsUniqueViolation(this Exception e, string? constraint = null) =>
        Find(e) is { SqlState: PostgresErrorCodes.UniqueViolation } pe && (constraint is null || pe.ConstraintName == constraint);

    /// <summary>23514 check_violation on a given constraint (e.g. a balance that would go negative).</summary>
    public static bool IsCheckViolation(this Exception e, string? constraint = null) =>
        Find(e) is { SqlState: PostgresErrorCodes.CheckViolation } pe && (constraint is null || pe.ConstraintName == constraint);

    /// <summary>40001 serialization_failure or 40P01 deadlock_detected: the operation may be retried.</summary>
    public static bool IsTransient(this Exception e) =>
        Find(e) is { SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected };

    /// <summary>
    /// No answer from PostgreSQL at all (connection refused, timed out or broken; a server shutting down): what the
    /// user meets as "the database is down" rather than an error in the request.
    /// </summary>
    public static bool IsDatabaseUnreachable(this Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
        {
            if (x is PostgresException pg) return pg.IsTransient;
            if (x is NpgsqlException or System.Net.Sockets.SocketException) return true;
        }
        return false;
    }

    private static PostgresException? Find(Exception? e)
    {
        while (e is not null)
        {
            if (e is PostgresException pe) return pe;
            e = e is DbUpdateException due ? due.InnerException : e.InnerException;
        }
        return null;
    }
}
