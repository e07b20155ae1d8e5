/** An object's field as a record, or an empty one: the stored objects are untyped JSON. */
export const record = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
