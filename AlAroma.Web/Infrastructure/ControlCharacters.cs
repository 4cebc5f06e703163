using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;

namespace AlAroma.Web.Infrastructure;

/// <summary>
/// Control characters in text people send. PostgreSQL refuses NUL in <c>text</c> and <c>jsonb</c> (a search for
/// <c>q=%00</c> was a 500), and the other C0 characters are never meant in a name, a search or a comment: they come
/// from a pasted binary or a probe. Tab, line feed and carriage return stay (multi-line comments, pasted tables).
/// </summary>
public static class ControlCharacters
{
    /// <summary><paramref name="s"/> without C0 control characters other than tab, LF and CR; the same instance when it has none.</summary>
    public static string Strip(string s)
    {
        if (!s.Any(IsStripped)) return s;
        return string.Create(s.Length - s.Count(IsStripped), s, (span, source) =>
        {
            var i = 0;
            foreach (var c in source)
                if (!IsStripped(c)) span[i++] = c;
        });
    }

    private static bool IsStripped(char c) => c < ' ' && c is not ('\t' or '\n' or '\r');
}

/// <summary>
/// Binds every string that comes from the query, a form or the route (parameters, properties of input models, items
/// of lists) through the usual binder and strips control characters from it (<see cref="ControlCharacters"/>).
/// Model binding is the one door all of them pass: no handler, query or view has to remember it. Bodies read by
/// input formatters (JSON of the bot webhooks) and headers are left alone: they are not text typed by people.
/// </summary>
public sealed class ControlCharStrippingBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        if (context.Metadata.ModelType != typeof(string)) return null;
        var source = context.BindingInfo.BindingSource;
        if (source is not null && source != BindingSource.Query && source != BindingSource.Form && source != BindingSource.Path
            && source != BindingSource.ModelBinding) return null;
        return new Binder(new SimpleTypeModelBinder(typeof(string), context.Services.GetRequiredService<ILoggerFactory>()));
    }

    private sealed class Binder(IModelBinder inner) : IModelBinder
    {
        public async Task BindModelAsync(ModelBindingContext context)
        {
            await inner.BindModelAsync(context);
            if (context.Result is not { IsModelSet: true, Model: string s }) return;
            var clean = ControlCharacters.Strip(s);
            if (ReferenceEquals(clean, s)) return;
            context.Result = ModelBindingResult.Success(clean);
            // A form shown again (validation errors) takes its values from the model state: the cleaned one, too.
            context.ModelState.SetModelValue(context.ModelName, clean, clean);
        }
    }
}
