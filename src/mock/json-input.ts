/** Reading JSON bodies the way Altinn's ASP.NET services bind them. */

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Property names bind case-insensitively (ASP.NET's web defaults, and Json.NET in Altinn 2):
 * `metaData` = `metadata`, `CoveredBy` = `coveredBy`. The last match wins, as in System.Text.Json.
 */
export function member(object: JsonObject, name: string): unknown {
  let found: unknown;
  for (const [key, value] of Object.entries(object)) {
    if (key.toLowerCase() === name.toLowerCase()) found = value;
  }
  return found;
}
