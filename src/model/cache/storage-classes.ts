import type { TFunction } from '../shared';

/** A StorageClass as the create form and the expand dialog use it. */
export interface StorageClassInfo {
  name: string;
  isDefault: boolean;
  /** `allowVolumeExpansion`: a claim of this class may be made larger later. */
  expandable: boolean;
}

/** A StorageClass object, as far as the plugin reads it. */
export interface StorageClassObject {
  metadata?: { name?: string; annotations?: Record<string, string> };
  allowVolumeExpansion?: boolean;
}

/** What the plugin needs of a StorageClass object: its name, default mark and expansion. */
export const storageClassInfo = (storageClass: StorageClassObject): StorageClassInfo => ({
  name: storageClass.metadata?.name ?? '',
  isDefault:
    storageClass.metadata?.annotations?.['storageclass.kubernetes.io/is-default-class'] === 'true',
  expandable: storageClass.allowVolumeExpansion === true,
});

/** The class a claim gets: the one chosen, or the cluster's default for an empty choice. */
export const effectiveStorageClass = (
  classes: StorageClassInfo[],
  chosen: string,
): StorageClassInfo | undefined =>
  chosen ? classes.find((c) => c.name === chosen) : classes.find((c) => c.isDefault);

/** The help under the storage class field: whether the cache's volume can grow later. */
export const storageClassHelp = (
  classes: StorageClassInfo[],
  chosen: string,
  t: TFunction,
): { text: string; warn: boolean } => {
  const effective = effectiveStorageClass(classes, chosen);
  if (!effective) {
    // No default class, or one this user may not read: nothing to say about growing.
    return { text: t('Empty uses the cluster default.'), warn: false };
  }
  // devpi never deletes packages, so a volume that cannot grow leaves emptying as the only
  // way out once it is full: say so before the claim is made, while another class can be chosen.
  return effective.expandable
    ? {
        text: t('{{name}} allows volume expansion: the cache can grow later from its page.', {
          name: effective.name,
        }),
        warn: false,
      }
    : {
        text: t(
          '{{name}} cannot expand volumes: when the cache is full it can only be emptied. Choose a class that allows expansion if there is one.',
          { name: effective.name },
        ),
        warn: true,
      };
};
