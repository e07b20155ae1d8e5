import type { PipCacheValues } from '../../model/values';

/** What a section of the create form needs to show the values and change them. */
export interface FormBinding {
  values: PipCacheValues;
  /** Applies a change; naming the field marks it as edited, so that its error shows at once. */
  set: (change: (current: PipCacheValues) => PipCacheValues, field?: string) => void;
  /** The error to show under a field now: the cluster's, or the form's once it was edited. */
  shown: (field: string) => string | undefined;
  /** Every validation error, for the key/value editors that place their own per row. */
  errors: Record<string, string>;
}
