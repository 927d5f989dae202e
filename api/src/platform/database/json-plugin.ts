import type { Schema } from 'mongoose';

/**
 * Applied to every schema: records leave the API with `id` instead of `_id`, without `__v`, and
 * without fields marked `private: true` in the schema (password hashes, keyed hashes).
 */
export interface JsonPluginOptions {
  /** Adds computed, read-only fields to the output (e.g. an agency's `mayEnforce`). */
  extend?: (ret: Record<string, unknown>) => void;
}

export function jsonPlugin(schema: Schema, options: JsonPluginOptions = {}): void {
  const hidden: string[] = [];
  schema.eachPath((path, type) => {
    if ((type.options as { private?: boolean }).private) hidden.push(path);
  });
  schema.set('toJSON', {
    virtuals: false,
    versionKey: false,
    transform(_doc, ret: Record<string, unknown>) {
      ret.id = String(ret._id);
      delete ret._id;
      for (const path of hidden) delete ret[path];
      options.extend?.(ret);
      return ret;
    },
  });
}
