/**
 * A Vite (Rolldown) plugin that minifies the CSS inside lit's css`…` templates of our own sources:
 * comments, indentation and the white space around punctuation go, so `static styles` cost the page
 * only their rules. The templates hold no `${…}` interpolations (styles are plain text, by design);
 * one that does is left as written.
 */
export function minifyCssTemplates() {
  return {
    name: 'minify-css-templates',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id.replace(/\\/g, '/')) || !code.includes('css`')) return null;
      return {
        code: code.replace(/css`([^`]*)`/g, (whole, text) =>
          text.includes('${') ? whole : `css\`${minifyCss(text)}\``,
        ),
        map: null,
      };
    },
  };
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
      .replace(/;}/g, '}')
      .trim()
  );
}
