import ts from 'typescript';

/**
 * A Vite (Rolldown) plugin that minifies lit's templates in our own sources: the CSS inside css`…`
 * (comments, indentation and the white space around punctuation go, so `static styles` cost the page
 * only their rules; the templates hold no `${…}` interpolations, by design, and one that does is left
 * as written), and the indentation inside html`…` (see {@link minifyHtmlTemplates}).
 */
export function minifyCssTemplates() {
  return {
    name: 'minify-lit-templates',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id.replace(/\\/g, '/'))) return null;
      if (!code.includes('css`') && !/html ?`/.test(code)) return null;
      return { code: minifyHtmlTemplates(minifyCssInCode(code), id), map: null };
    },
  };
}

/** `code` with the CSS of each css`…` template without interpolations minified. */
export function minifyCssInCode(code) {
  return code.replace(/css`([^`]*)`/g, (whole, text) =>
    text.includes('${') ? whole : `css\`${minifyCss(text)}\``,
  );
}

/**
 * `code` (TypeScript or JavaScript) with every run of white space that holds a line break, in the
 * static text of each html`…` template, made one space. HTML renders such a run as one space anyway
 * (the elements have no <pre> or <textarea>), so what the page shows is unchanged; the templates are
 * found by parsing, not by pattern, so nested templates and expressions stay intact.
 */
export function minifyHtmlTemplates(code, fileName = 'file.ts') {
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true);
  const edits = [];
  const visit = (node) => {
    if (ts.isTaggedTemplateExpression(node) && node.tag.getText(source) === 'html') {
      const template = node.template;
      const literals = ts.isNoSubstitutionTemplateLiteral(template)
        ? [template]
        : [template.head, ...template.templateSpans.map((span) => span.literal)];
      for (const literal of literals) edits.push([literal.getStart(source), literal.end]);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  let result = code;
  for (const [start, end] of edits.sort((a, b) => b[0] - a[0])) {
    const text = result.slice(start, end).replace(/[ \t]*\n\s*/g, ' ');
    result = result.slice(0, start) + text + result.slice(end);
  }
  return result;
}

/** `text` without comments and needless white space; strings in the CSS are left alone. */
export function minifyCss(text) {
  return (
    text
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      // Not around `+` or `-` (calc() needs them spaced), nor before `:` (a descendant `:hover`).
      .replace(/\s*([{};,>])\s*/g, '$1')
      .replace(/:\s+/g, ':')
      .replace(/\(\s+/g, '(')
      .replace(/\s+\)/g, ')')
      .replace(/([\s:,(])0\.(\d)/g, '$1.$2')
      .replace(/\[([\w-]+)=(['"])([A-Za-z_][\w-]*)\2\]/g, '[$1=$3]')
      .replace(/;}/g, '}')
      .trim()
  );
}
