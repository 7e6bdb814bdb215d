/**
 * The Custom Elements Manifest as Storybook's docs tables read it. Storybook drops every entry without
 * a name, which is how the manifest names a default slot; here it is shown as `default`.
 */

interface Named {
  name: string;
  [member: string]: unknown;
}

interface Declaration {
  kind: string;
  name: string;
  tagName?: string;
  slots?: Named[];
  [member: string]: unknown;
}

/** The parts of a Custom Elements Manifest (schema 1.0) read here. */
export interface Manifest {
  schemaVersion: string;
  modules: {
    kind: string;
    path: string;
    declarations?: Declaration[];
    [member: string]: unknown;
  }[];
}

/** The slot name the docs tables show for the default slot, and the arg the stories give it. */
export const DEFAULT_SLOT = 'default';

/** `manifest`, with the default slot named {@link DEFAULT_SLOT}. */
export function forStorybook(manifest: Manifest): Manifest {
  return {
    ...manifest,
    modules: manifest.modules.map((module) => ({
      ...module,
      declarations: module.declarations?.map((declaration) => ({
        ...declaration,
        slots: declaration.slots?.map((slot) =>
          slot.name === '' ? { ...slot, name: DEFAULT_SLOT } : slot,
        ),
      })),
    })),
  };
}
