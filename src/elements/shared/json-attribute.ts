import type { ComplexAttributeConverter } from 'lit';

/** An attribute value that is not valid JSON; kept so the element can say what is wrong when used. */
export class InvalidJson {
  constructor(readonly source: string) {}
  toString(): string {
    return `not valid JSON: ${this.source}`;
  }
}

function parseJson(value: string): unknown {
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return new InvalidJson(value);
  }
}

/**
 * Reads a JSON attribute (`metadata`, `rights`, `request-message`). Malformed JSON does not throw
 * during parsing of the page: it becomes an {@link InvalidJson} that the element reports on use.
 */
export const jsonAttribute: ComplexAttributeConverter<unknown> = {
  fromAttribute(value: string | null): unknown {
    return value === null ? undefined : parseJson(value);
  },
  toAttribute(value: unknown): string | null {
    return value === undefined ? null : JSON.stringify(value);
  },
};

/**
 * A JSON property's value as the element uses it. React 19, Vue and Preact set `metadata='{…}'` on a
 * custom element as the property, not the attribute: a string there is read as JSON, as the
 * attribute is.
 */
export function jsonProperty(value: unknown): unknown {
  return typeof value === 'string' ? parseJson(value) : value;
}
