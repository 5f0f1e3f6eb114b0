// Types shared by the mapping modules: SCORM versions, a converted value with its documented loss, a loss entry.
export type Version = "1.2" | "2004";

/**
 * The result of a conversion that may lose information: `loss` is null when the conversion is lossless,
 * otherwise one of the documented reasons in `LOSS` (losses.ts). A `value` of null means "no value in the
 * target version" (the element is left out); `loss` is then never null.
 */
export interface Converted<T> {
  value: T;
  loss: string | null;
}

/** One documented loss met while mapping a record: the source element and the reason. */
export interface Loss {
  element: string;
  reason: string;
}

export function lossless<T>(value: T): Converted<T> {
  return { value, loss: null };
}

export function lossy<T>(value: T, loss: string): Converted<T> {
  return { value, loss };
}
