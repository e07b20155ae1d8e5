/**
 * The translation function the model receives from the UI (react-i18next's `t`). Model code
 * always calls it with a literal English sentence as the key, so that the extractor finds it.
 */
export type TFunction = (key: string, options?: Record<string, unknown>) => string;
