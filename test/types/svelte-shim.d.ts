/**
 * The one part of Svelte's own `svelteHTML.IntrinsicElements` (svelte/svelte-html.d.ts) that constrains
 * what a library adds to it: an index signature every entry must fit. Svelte is not installed here;
 * with it, its declaration merges with this one.
 */
declare namespace svelteHTML {
  interface IntrinsicElements {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as Svelte declares it
    [name: string]: { [name: string]: any };
  }
}
