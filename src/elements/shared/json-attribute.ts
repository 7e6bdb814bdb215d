import type { ComplexAttributeConverter } from 'lit';

/** An attribute value that is not valid JSON; kept so the element can say what is wrong when used. */
export class InvalidJson {
  constructor(readonly source: string) {}
  toString(): string {
    return `not valid JSON: ${this.source}`;
  }
}

/**
 * Reads a JSON attribute (`metadata`, `rights`, `request-message`). Malformed JSON does not throw
 * during parsing of the page: it becomes an {@link InvalidJson} that the element reports on use.
 */
export const jsonAttribute: ComplexAttributeConverter<unknown> = {
  fromAttribute(value: string | null): unknown {
    if (value === null) return undefined;
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return new InvalidJson(value);
    }
  },
  toAttribute(value: unknown): string | null {
    return value === undefined ? null : JSON.stringify(value);
  },
};
