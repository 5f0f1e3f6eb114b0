// Looks up a property's metadata for its spec file, failing loudly on an id the registry does not know.
import { propertyById, type PropertyMeta } from "./registry.ts";

export function requireProperty(id: string): PropertyMeta {
  const meta = propertyById(id);
  if (!meta) throw new Error(`Property ${id} is not in the registry`);
  return meta;
}

/** The title every property test carries, so the CLI can select it with --grep. */
export function propertyTestTitle(meta: PropertyMeta): string {
  return `${meta.id} ${meta.title} @${meta.id}`;
}
