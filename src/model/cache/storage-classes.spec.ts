import {
  effectiveStorageClass,
  storageClassHelp,
  storageClassInfo,
  type StorageClassInfo,
} from './storage-classes';
import { t } from '../../test-support/test-utils';

const classes: StorageClassInfo[] = [
  { name: 'standard-csi', isDefault: true, expandable: true },
  { name: 'fast-local', isDefault: false, expandable: false },
];

describe('storage classes in the create form', () => {
  it('takes the default class for an empty choice, and the chosen one otherwise', () => {
    expect(effectiveStorageClass(classes, '')?.name).toBe('standard-csi');
    expect(effectiveStorageClass(classes, 'fast-local')?.name).toBe('fast-local');
    expect(effectiveStorageClass(classes, 'gone')).toBeUndefined();
    expect(effectiveStorageClass([classes[1]!], '')).toBeUndefined();
  });

  it('says whether the volume can grow, and warns when it cannot', () => {
    expect(storageClassHelp(classes, '', t)).toEqual({
      text: 'standard-csi allows volume expansion: the cache can grow later from its page.',
      warn: false,
    });
    expect(storageClassHelp(classes, 'fast-local', t)).toEqual({
      text: 'fast-local cannot expand volumes: when the cache is full it can only be emptied. Choose a class that allows expansion if there is one.',
      warn: true,
    });
  });

  it('falls back to plain words when the class is not known', () => {
    expect(storageClassHelp([], '', t)).toEqual({
      text: 'Empty uses the cluster default.',
      warn: false,
    });
    expect(storageClassHelp(classes, 'gone', t)).toEqual({
      text: 'Empty uses the cluster default.',
      warn: false,
    });
  });
});

describe('storageClassInfo', () => {
  it('reads the name, the default-class annotation and allowVolumeExpansion', () => {
    expect(
      storageClassInfo({
        metadata: {
          name: 'standard-csi',
          annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' },
        },
        allowVolumeExpansion: true,
      }),
    ).toEqual({ name: 'standard-csi', isDefault: true, expandable: true });
    expect(
      storageClassInfo({
        metadata: {
          name: 'fast-local',
          annotations: { 'storageclass.kubernetes.io/is-default-class': 'false' },
        },
      }),
    ).toEqual({ name: 'fast-local', isDefault: false, expandable: false });
  });
});
