import type { EditableField } from '../../model/living';
import type { TextPath, PipCacheValues } from '../../model/cache';

/** A field of the form by its path: every text field, and every field Edit settings may change. */
export type FieldName = TextPath | EditableField;

/** What a section of the form needs to show the values and change them. */
export interface FormBinding {
  values: PipCacheValues;
  /** Applies a change; naming the field marks it as edited, so that its error shows at once. */
  set: (change: (current: PipCacheValues) => PipCacheValues, field?: string) => void;
  /** The error to show under a field now: the cluster's, or the form's once it was edited. */
  shown: (field: string) => string | undefined;
  /** Every validation error, for the key/value editors that place their own per row. */
  errors: Record<string, string>;
  /**
   * Set by Edit settings: the fields a running cache may change. Sections then show only these,
   * open under a heading instead of collapsed, with ids of their own. The create form leaves it
   * unset and shows every field.
   */
  editable?: ReadonlySet<FieldName>;
}

/** Whether the binding's form shows this field. */
export const showsField = (binding: FormBinding, field: FieldName): boolean =>
  !binding.editable || binding.editable.has(field);

/** The id (and data-test) of a control, such as `pipcache-offline` or `pipcache-edit-offline`. */
export const controlId = (binding: FormBinding, name: string): string =>
  `${binding.editable ? 'pipcache-edit' : 'pipcache'}-${name.replace(/\./g, '-')}`;
