using System.Linq.Expressions;
using System.Reflection;

namespace AlAroma.Web.Infrastructure.Lists;

/// <summary>One part of a sort column's key: a value of the row, and whether it runs against the column's direction.</summary>
internal sealed record KeyPart(LambdaExpression By, bool Reversed);

/// <summary>The sort values and id of a row, as the keyset query reads them (at most two parts).</summary>
internal sealed class KeysetKey
{
    public object? First { get; set; }
    public object? Second { get; set; }
    public long Id { get; set; }

    /// <summary>The key parts in order.</summary>
    public object?[] Values(int count) => count == 1 ? [First] : [First, Second];
}

/// <summary>A cursor value held as a member, so EF Core makes it a query parameter (outside the generic order: one type argument).</summary>
internal sealed class KeysetValue<TValue>(TValue value)
{
    public TValue Value { get; } = value;
}

/// <summary>A cursor read back from a link: the sort values of the last (or first) row shown and its id.</summary>
internal sealed record KeysetCursor(object?[] Values, long Id);

/// <summary>
/// How one sort column orders a query and where a keyset page starts: the rows after (key…, id) in the order are
/// k1 &gt; v1 OR (k1 = v1 AND (k2 &gt; v2 OR (k2 = v2 AND id &gt; i))) with &lt; for descending parts — the
/// lexicographic comparison PostgreSQL also answers for ORDER BY k1, k2, id, built as expressions EF Core translates.
/// </summary>
internal sealed class KeysetOrder<T>(IReadOnlyList<KeyPart> parts)
{
    private static readonly MethodInfo StringCompare = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;

    /// <summary>Types of the key parts (for reading a cursor back).</summary>
    public IReadOnlyList<Type> Types { get; } = parts.Select(p => p.By.ReturnType).ToList();

    /// <summary>The query ordered by the parts and then, when given, by <paramref name="id"/> in the column's direction.</summary>
    public IOrderedQueryable<T> Order(IQueryable<T> query, bool desc, Expression<Func<T, long>>? id)
    {
        var expr = query.Expression;
        var keys = parts.Select(p => (p.By, Descending: desc ^ p.Reversed)).ToList();
        if (id is not null) keys.Add((id, desc));
        for (var i = 0; i < keys.Count; i++)
        {
            var (by, descending) = keys[i];
            var method = (i == 0, descending) switch
            {
                (true, false) => nameof(Queryable.OrderBy),
                (true, true) => nameof(Queryable.OrderByDescending),
                (false, false) => nameof(Queryable.ThenBy),
                (false, true) => nameof(Queryable.ThenByDescending),
            };
            expr = Expression.Call(typeof(Queryable), method, [typeof(T), by.ReturnType], expr, Expression.Quote(by));
        }
        return (IOrderedQueryable<T>)query.Provider.CreateQuery<T>(expr);
    }

    /// <summary>The rows of <paramref name="query"/> that come after <paramref name="cursor"/> in the order (<paramref name="desc"/>, id).</summary>
    public IQueryable<T> After(IQueryable<T> query, bool desc, Expression<Func<T, long>> id, KeysetCursor cursor)
    {
        var row = id.Parameters[0];
        Expression after = Beyond(id.Body, Value(cursor.Id, typeof(long)), desc);
        for (var i = parts.Count - 1; i >= 0; i--)
        {
            var key = Rebind(parts[i].By, row);
            var value = Value(cursor.Values[i], parts[i].By.ReturnType);
            after = Expression.OrElse(Beyond(key, value, desc ^ parts[i].Reversed), Expression.AndAlso(Expression.Equal(key, value), after));
        }
        return query.Where(Expression.Lambda<Func<T, bool>>(after, row));
    }

    /// <summary>The sort values and ids of the ordered rows.</summary>
    public IQueryable<KeysetKey> Keys(IQueryable<T> ordered, Expression<Func<T, long>> id)
    {
        var row = id.Parameters[0];
        var bindings = new List<MemberBinding> { Expression.Bind(typeof(KeysetKey).GetProperty(nameof(KeysetKey.Id))!, id.Body) };
        string[] names = [nameof(KeysetKey.First), nameof(KeysetKey.Second)];
        for (var i = 0; i < parts.Count; i++)
            bindings.Add(Expression.Bind(typeof(KeysetKey).GetProperty(names[i])!, Expression.Convert(Rebind(parts[i].By, row), typeof(object))));
        return ordered.Select(Expression.Lambda<Func<T, KeysetKey>>(Expression.MemberInit(Expression.New(typeof(KeysetKey)), bindings), row));
    }

    /// <summary>key &gt; value (key &lt; value when descending); strings through string.Compare, which EF Core turns into SQL &gt; / &lt;.</summary>
    private static Expression Beyond(Expression key, Expression value, bool descending)
    {
        if (key.Type == typeof(string))
        {
            var compare = Expression.Call(StringCompare, key, value);
            return descending ? Expression.LessThan(compare, Expression.Constant(0)) : Expression.GreaterThan(compare, Expression.Constant(0));
        }
        return descending ? Expression.LessThan(key, value) : Expression.GreaterThan(key, value);
    }

    /// <summary>The cursor's value as a member of a captured object, so EF Core sends it as a query parameter (one cached plan).</summary>
    private static Expression Value(object? value, Type type)
    {
        var box = Activator.CreateInstance(typeof(KeysetValue<>).MakeGenericType(type), value)!;
        return Expression.Property(Expression.Constant(box), nameof(KeysetValue<int>.Value));
    }

    private static Expression Rebind(LambdaExpression by, ParameterExpression row) => new Replace(by.Parameters[0], row).Visit(by.Body);

    private sealed class Replace(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
