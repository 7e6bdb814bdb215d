// @ts-check
/**
 * The Custom Elements Manifest (`npm run analyze` writes custom-elements.json): what Storybook's docs
 * tables, IDEs and other tools read about the four elements.
 *
 * Two things the analyzer does not know on its own are added by the plugins below:
 * - the elements are registered through `defineElement(tag, Class)`, not `customElements.define`;
 * - lit's internal reactive state (`state: true` in `static properties`), members marked `@internal`,
 *   and private, protected or static members are not part of the public API.
 */

/** @typedef {{ name: string; privacy?: string; static?: boolean; kind?: string; description?: string }} Item */

/** The elements' classes, by name: tag name and the module that registers it. */
const definitions = new Map();
/** `Class.member` names that are internal: lit state, or marked `@internal`. */
const internal = new Set();

/** @param {any} ts @param {any} node */
function jsDocTags(ts, node) {
  return (ts.getJSDocTags?.(node) ?? []).map((/** @type {any} */ tag) => tag.tagName.getText());
}

/** Finds `defineElement('tag', Class)` calls. */
function defineElementPlugin() {
  return {
    name: 'altinn-request-elements: defineElement',
    /** @param {{ ts: any; node: any; moduleDoc: any }} options */
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node) || node.expression.getText() !== 'defineElement') return;
      const [tag, klass] = node.arguments;
      if (!tag || !klass || !ts.isStringLiteral(tag) || !ts.isIdentifier(klass)) return;
      definitions.set(klass.getText(), { tag: tag.text, module: moduleDoc.path });
    },
    /** @param {{ customElementsManifest: any }} options */
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          const definition = definitions.get(declaration.name);
          if (declaration.kind !== 'class' || !definition) continue;
          declaration.tagName = definition.tag;
          declaration.customElement = true;
          const registering = customElementsManifest.modules.find(
            (/** @type {any} */ candidate) => candidate.path === definition.module,
          );
          registering?.exports?.push({
            kind: 'custom-element-definition',
            name: definition.tag,
            declaration: { name: declaration.name, module: module.path },
          });
        }
      }
    },
  };
}

/** Keeps only the public API in the manifest. */
function publicApiPlugin() {
  return {
    name: 'altinn-request-elements: public API only',
    /** @param {{ ts: any; node: any }} options */
    analyzePhase({ ts, node }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const className = node.name.getText();
      for (const member of node.members) {
        const name = member.name?.getText();
        if (!name) continue;
        if (jsDocTags(ts, member).includes('internal')) internal.add(`${className}.${name}`);
        // static properties = { name: { state: true } }
        if (
          name === 'properties' &&
          ts.isPropertyDeclaration(member) &&
          member.initializer &&
          ts.isObjectLiteralExpression(member.initializer)
        ) {
          for (const property of member.initializer.properties) {
            if (!ts.isPropertyAssignment(property)) continue;
            const options = property.initializer;
            const isState =
              ts.isObjectLiteralExpression(options) &&
              options.properties.some(
                (/** @type {any} */ option) =>
                  option.name?.getText() === 'state' && option.initializer?.getText() === 'true',
              );
            if (isState) internal.add(`${className}.${property.name.getText()}`);
          }
        }
      }
    },
    /** @param {{ customElementsManifest: any }} options */
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          if (declaration.kind !== 'class') continue;
          /** @param {Item & { inheritedFrom?: { name: string }; fieldName?: string }} item */
          const isInternal = (item) => {
            const owner = item.inheritedFrom?.name ?? declaration.name;
            return (
              internal.has(`${owner}.${item.fieldName ?? item.name}`) ||
              internal.has(`${declaration.name}.${item.fieldName ?? item.name}`)
            );
          };
          declaration.members = (declaration.members ?? []).filter(
            (/** @type {Item} */ member) =>
              !member.name.startsWith('#') &&
              member.privacy !== 'private' &&
              member.privacy !== 'protected' &&
              !member.static &&
              !isInternal(member),
          );
          declaration.attributes = (declaration.attributes ?? []).filter(
            (/** @type {Item} */ attribute) => !isInternal(attribute),
          );
        }
      }
    },
  };
}

export default {
  globs: ['src/elements/**/*.ts'],
  outdir: '.',
  litelement: true,
  // The analyzer would otherwise rewrite package.json on every run; its `customElements` is set by hand.
  packagejson: false,
  plugins: [defineElementPlugin(), publicApiPlugin()],
};
