import * as React from 'react';
import { useTranslation } from 'react-i18next';
import { useK8sWatchResources } from '@openshift-console/dynamic-plugin-sdk';
import type {
  ResourcesObject,
  WatchK8sResources,
  WatchK8sResults,
} from '@openshift-console/dynamic-plugin-sdk';
import { translateLabel } from '../extensions';
import HealthItem from './HealthItem';

/** A resolved `console.dashboards/overview/health/resource` extension's properties. */
export interface ResourceSubsystem {
  title: string;
  resources: WatchK8sResources<ResourcesObject>;
  healthHandler: (
    results: WatchK8sResults<ResourcesObject>,
    t: (key: string) => string,
  ) => { state: string; message?: string };
  popupComponent?: React.ComponentType<Record<string, unknown>>;
  popupTitle?: string;
}

/**
 * The console's ResourceHealthItem: watches the extension's `resources` with the SDK's watch
 * hook, asks its `healthHandler(results, t)` for the state, and gives the popup component the
 * watch results as props.
 */
const ResourceHealthItem: React.FC<{ subsystem: ResourceSubsystem }> = ({ subsystem }) => {
  const { t } = useTranslation();
  const { resources, healthHandler, popupComponent: Popup } = subsystem;
  const results = useK8sWatchResources(resources);
  const health = healthHandler(results, t);
  return (
    <HealthItem
      title={translateLabel(subsystem.title, t)}
      state={health.state}
      details={health.message}
      popupTitle={subsystem.popupTitle ? translateLabel(subsystem.popupTitle, t) : undefined}
    >
      {Popup && <Popup {...results} />}
    </HealthItem>
  );
};

export default ResourceHealthItem;
