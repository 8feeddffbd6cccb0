using System.Text;

namespace DuiConformance.ReferenceDui.Web;

/// <summary>
/// Small helpers for the server-rendered French pages: text encoding and the shared layout (one h1, a navigation
/// landmark, a main landmark; status messages in <c>role="status"</c>, errors in <c>role="alert"</c>).
/// </summary>
internal static class Html
{
    /// <summary>Encodes text for HTML content or a double-quoted attribute; non-ASCII letters are kept as they are.</summary>
    public static string E(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }

    /// <summary>A success or information message, announced politely by screen readers.</summary>
    public static string Status(string innerHtml) => $"<p role=\"status\" class=\"status\">{innerHtml}</p>";

    /// <summary>An error message, announced at once by screen readers.</summary>
    public static string Alert(string innerHtml) => $"<div role=\"alert\" class=\"alert\">{innerHtml}</div>";

    /// <summary>A whole page.</summary>
    public static string Page(string title, string productName, string productVersion, string body) => $$"""
        <!DOCTYPE html>
        <html lang="fr">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>{{E(title)}} – {{E(productName)}}</title>
          <style>
            body { font-family: system-ui, sans-serif; margin: 0; color: #1b1b1b; background: #fff; line-height: 1.5; }
            header { background: #000091; color: #fff; padding: .75rem 1.5rem; }
            header a { color: #fff; }
            header p { margin: 0; font-weight: bold; }
            nav a { margin-right: 1rem; }
            main { padding: 1rem 1.5rem 3rem; max-width: 60rem; }
            fieldset { border: 1px solid #929292; margin: 1rem 0; padding: .5rem 1rem 1rem; }
            legend { font-weight: bold; padding: 0 .25rem; }
            .field { margin: .75rem 0; }
            label { display: block; font-weight: 600; }
            .check label { display: inline; font-weight: normal; }
            input[type=text], input[type=date], input[type=email], select, textarea { font: inherit; padding: .3rem; width: 100%; max-width: 32rem; border: 1px solid #3a3a3a; }
            textarea { min-height: 4.5rem; }
            button { font: inherit; padding: .45rem 1rem; background: #000091; color: #fff; border: 0; cursor: pointer; }
            button:focus, a:focus, input:focus, select:focus, textarea:focus { outline: 3px solid #0a76f6; outline-offset: 2px; }
            .hint { color: #3a3a3a; font-size: .9rem; margin: .2rem 0 0; }
            .error { color: #b60000; font-weight: 600; margin: .2rem 0 0; }
            .status { border-left: 4px solid #18753c; background: #e6feda; padding: .5rem 1rem; }
            .alert { border-left: 4px solid #b60000; background: #ffe9e9; padding: .5rem 1rem; }
            table { border-collapse: collapse; }
            th, td { border: 1px solid #929292; padding: .25rem .5rem; text-align: left; vertical-align: top; }
            dt { font-weight: 600; }
            dd { margin: 0 0 .5rem 0; white-space: pre-line; }
          </style>
        </head>
        <body>
          <header>
            <p>{{E(productName)}} <span lang="en">v</span>{{E(productVersion)}}</p>
            <nav aria-label="Navigation principale">
              <a href="/">Usagers</a>
              <a href="/usagers/nouveau">Nouvel usager</a>
              <a href="/about">À propos</a>
            </nav>
          </header>
          <main>
            <h1>{{E(title)}}</h1>
        {{body}}
          </main>
        </body>
        </html>

        """;
}
