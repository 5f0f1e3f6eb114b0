// The one error every mapping function throws on invalid input; its message says which value was wrong and why.
export class MappingError extends Error {
  override readonly name = "MappingError";
}

/** Quotes a value for an error message, shortening very long ones. */
export function quote(value: string): string {
  const shown = value.length > 80 ? `${value.slice(0, 77)}...` : value;
  return JSON.stringify(shown);
}
