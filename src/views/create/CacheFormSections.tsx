import * as React from 'react';
import DevpiOptionsSection from '../shared/DevpiOptionsSection';
import type { FormBinding } from '../shared/form-binding';
import ImageSourceSection from './ImageSourceSection';
import LabelsSection from './LabelsSection';
import NetworkSection from './NetworkSection';
import PlacementSection from '../shared/PlacementSection';
import ResourcesSection from '../shared/ResourcesSection';
import RouteSection from '../shared/RouteSection';
import StorageFields from './StorageFields';
import type { CacheForm } from './useCacheForm';
import ValueTextField from '../shared/ValueTextField';

interface CacheFormSectionsProps {
  form: CacheForm;
  binding: FormBinding;
  nameHelp: string;
  /** A migration's new cache takes the old one's name. */
  nameIsFixed?: boolean;
  /** Shown instead of the ephemeral/persistent choice: a migration's choice of the old claim. */
  claimChoice?: React.ReactNode;
  keepsClaim?: boolean;
}

/** The name, the storage and every section of a new cache, as Create and Migrate show them. */
const CacheFormSections: React.FC<CacheFormSectionsProps> = ({
  form,
  binding,
  nameHelp,
  nameIsFixed,
  claimChoice,
  keepsClaim = false,
}) => (
  <>
    <ValueTextField
      binding={binding}
      field="name"
      help={nameHelp}
      isRequired
      isReadOnly={nameIsFixed}
    />
    <StorageFields
      binding={binding}
      storageClasses={form.storageClasses}
      keepsClaim={keepsClaim}
      claimChoice={claimChoice}
    />
    <ImageSourceSection
      binding={binding}
      facts={form.facts}
      canBuild={form.canBuild}
      namespace={form.namespace}
    />
    <ResourcesSection binding={binding} />
    <PlacementSection binding={binding} projectNodeSelector={form.projectNodeSelector} />
    <RouteSection binding={binding} namespace={form.namespace} appsDomain={form.appsDomain} />
    <DevpiOptionsSection binding={binding} />
    <NetworkSection binding={binding} />
    <LabelsSection binding={binding} />
  </>
);

export default CacheFormSections;
