/**
 * custom-elements.json is generated (`npm run analyze`) and not committed: this declaration lets the
 * type check pass before it exists. Once it does, TypeScript reads the file itself.
 */
declare module '*/custom-elements.json' {
  const manifest: unknown;
  export default manifest;
}
