/** Whether this copy of the library has already said that another copy came first. */
let warned = false;

/**
 * Registers `tag` unless it is taken. Loading the library twice (a bundle and a CDN file) then warns
 * once, instead of throwing, and importing in Node, which has no registry, does nothing.
 */
export function defineElement(tag: string, constructor: CustomElementConstructor): void {
  const registry = globalThis.customElements;
  if (!registry) return;
  const existing = registry.get(tag);
  if (!existing) {
    registry.define(tag, constructor);
  } else if (existing !== constructor && !warned) {
    warned = true;
    console.warn(
      `altinn-request-elements: <${tag}> is already defined (by a second copy of the library?); the first copy's elements stay.`,
    );
  }
}
