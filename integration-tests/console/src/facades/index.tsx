/**
 * Stand-ins for the console-only modules the SDK `require`s from inside the console
 * (`@console/internal/...`, `@console/shared/...`, `@console/dynamic-plugin-sdk/...`). Each
 * has the console's props and behaviour where the plugin depends on it. Anything not
 * implemented renders a visible marker and records itself, so that browser tests fail
 * instead of passing silently.
 */
import * as React from 'react';
import {
  Button,
  Flex,
  FlexItem,
  Label,
  MenuToggle,
  PageSection,
  Select,
  SelectList,
  SelectOption,
  Title,
} from '@patternfly/react-core';
import { Link } from 'react-router-dom-v5-compat';
import { useAccessReview } from '@openshift-console/dynamic-plugin-sdk/lib/app/components/utils/rbac';
import { missingFacades, ShellContext, ALL_NAMESPACES } from '../shell-context';
import { SHELL_MODELS } from '../models';
import { useShellResolvedExtensions } from '../extensions';
import { useProjects } from '../projects';

type GVK = { group?: string; version: string; kind: string };

const Missing: React.FC<{ name: string }> = ({ name }) => {
  missingFacades.add(name);
  console.error(`The console shell does not implement the console facade ${name}.`);
  return <span data-test="missing-facade">{`[missing console facade: ${name}]`}</span>;
};

const missingComponent = (name: string): React.FC => {
  const Component: React.FC = () => <Missing name={name} />;
  Component.displayName = `Missing(${name})`;
  return Component;
};

const missingHook = (name: string) => () => {
  missingFacades.add(name);
  throw new Error(`The console shell does not implement the console facade ${name}.`);
};

const modelFor = (gvk: GVK | string | undefined) => {
  if (!gvk) return undefined;
  if (typeof gvk === 'string') {
    const [group, version, kind] = gvk.includes('~') ? gvk.split('~') : [undefined, 'v1', gvk];
    return SHELL_MODELS.find(
      (m) => m.kind === kind && (m.apiGroup ?? '') === (group ?? '') && m.apiVersion === version,
    );
  }
  return SHELL_MODELS.find(
    (m) =>
      m.kind === gvk.kind &&
      (m.apiGroup ?? '') === (gvk.group ?? '') &&
      m.apiVersion === gvk.version,
  );
};

/** The console's link to a resource's page, with its kind badge. */
export const ResourceLink: React.FC<{
  kind?: string;
  groupVersionKind?: GVK;
  name?: string;
  namespace?: string;
  displayName?: string;
  inline?: boolean;
  linkTo?: boolean;
  hideIcon?: boolean;
  dataTest?: string;
  children?: React.ReactNode;
}> = ({
  kind,
  groupVersionKind,
  name,
  namespace,
  displayName,
  linkTo = true,
  hideIcon,
  dataTest,
  children,
}) => {
  const model = modelFor(groupVersionKind ?? kind);
  // The console links built-in kinds by their plural (`/k8s/ns/x/buildconfigs/y`) and only
  // custom resources by reference; every kind the shell knows is built in.
  const reference = model ? model.plural : String(kind);
  const path = namespace
    ? `/k8s/ns/${namespace}/${reference}/${name ?? ''}`
    : `/k8s/cluster/${reference}/${name ?? ''}`;
  return (
    <span data-test={dataTest ?? 'resource-link'}>
      {!hideIcon && (
        <Label isCompact color="blue" title={model?.kind}>
          {model?.abbr ?? '?'}
        </Label>
      )}{' '}
      {linkTo ? (
        <Link to={path} data-test-id={name}>
          {displayName ?? name}
        </Link>
      ) : (
        <span>{displayName ?? name}</span>
      )}
      {children}
    </span>
  );
};

export const ResourceIcon: React.FC<{ groupVersionKind?: GVK; kind?: string }> = ({
  groupVersionKind,
  kind,
}) => (
  <Label isCompact color="blue">
    {modelFor(groupVersionKind ?? kind)?.abbr ?? '?'}
  </Label>
);

export const ListPageHeader: React.FC<{
  title: string;
  badge?: React.ReactNode;
  helpText?: React.ReactNode;
  helpAlert?: React.ReactNode;
  children?: React.ReactNode;
}> = ({ title, badge, helpText, helpAlert, children }) => (
  <PageSection data-test="list-page-header">
    <Flex justifyContent={{ default: 'justifyContentSpaceBetween' }}>
      <FlexItem>
        <Title headingLevel="h1" data-test="page-heading">
          {title} {badge}
        </Title>
        {helpText && <div>{helpText}</div>}
      </FlexItem>
      {children && <FlexItem>{children}</FlexItem>}
    </Flex>
    {helpAlert}
  </PageSection>
);

type AccessProps = { createAccessReview?: { groupVersionKind: GVK | string; namespace?: string } };

const useCreateAllowed = (review: AccessProps['createAccessReview']): boolean => {
  const model = modelFor(review?.groupVersionKind);
  const [allowed] = useAccessReview({
    group: model?.apiGroup ?? '',
    resource: model?.plural ?? '',
    verb: 'create',
    namespace: review?.namespace,
  });
  return !review || allowed;
};

export const ListPageCreateLink: React.FC<
  AccessProps & { to: string; children?: React.ReactNode }
> = ({ to, createAccessReview, children }) => {
  const allowed = useCreateAllowed(createAccessReview);
  return allowed ? (
    <Link to={to} className="pf-v6-c-button pf-m-primary" data-test="item-create">
      {children}
    </Link>
  ) : null;
};

export const ListPageCreateButton: React.FC<
  AccessProps & { onClick?: () => void; children?: React.ReactNode }
> = ({ createAccessReview, children, onClick }) => {
  const allowed = useCreateAllowed(createAccessReview);
  return allowed ? (
    <Button variant="primary" onClick={onClick} data-test="item-create">
      {children}
    </Button>
  ) : null;
};

export const ListPageCreate = missingComponent('ListPageCreate');
export const ListPageCreateDropdown = missingComponent('ListPageCreateDropdown');
export const ListPageFilter = missingComponent('ListPageFilter');
export const useListPageFilter = missingHook('useListPageFilter');

/** `@console/shared/src/components/layout/PaneBody`, imported by the SDK's ListPageBody. */
export const PaneBody: React.FC<{ children?: React.ReactNode }> = ({ children }) => (
  <PageSection>{children}</PageSection>
);

export const DocumentTitle: React.FC<{ children: string }> = ({ children }) => {
  React.useEffect(() => {
    document.title = `${children} · Console shell`;
  }, [children]);
  return null;
};

export const useActiveNamespace = (): [string, (ns: string) => void] => {
  const { activeNamespace, setActiveNamespace } = React.useContext(ShellContext);
  return [activeNamespace, setActiveNamespace];
};

export const useActivePerspective = (): [string, (p: string) => void] => {
  const { perspective, setPerspective } = React.useContext(ShellContext);
  return [perspective, (p: string) => setPerspective(p === 'dev' ? 'dev' : 'admin')];
};

/** The console's project bar above namespaced pages. */
export const NamespaceBar: React.FC<{
  onNamespaceChange?: (namespace: string) => void;
  isDisabled?: boolean;
  children?: React.ReactNode;
}> = ({ onNamespaceChange, isDisabled, children }) => {
  const { activeNamespace, setActiveNamespace } = React.useContext(ShellContext);
  const projects = useProjects();
  const [open, setOpen] = React.useState(false);
  const choose = (namespace: string) => {
    setOpen(false);
    setActiveNamespace(namespace);
    onNamespaceChange?.(namespace);
  };
  const label = activeNamespace === ALL_NAMESPACES ? 'All Projects' : activeNamespace;
  return (
    <PageSection padding={{ default: 'noPadding' }} data-test="namespace-bar">
      <Flex>
        <FlexItem>
          <Select
            isOpen={open}
            onOpenChange={setOpen}
            onSelect={(_event, value) => choose(String(value))}
            toggle={(ref) => (
              <MenuToggle
                ref={ref}
                onClick={() => setOpen(!open)}
                isDisabled={isDisabled}
                data-test="namespace-bar-dropdown"
              >
                {`Project: ${label}`}
              </MenuToggle>
            )}
          >
            <SelectList>
              <SelectOption value={ALL_NAMESPACES}>All Projects</SelectOption>
              {projects.map((project) => (
                <SelectOption key={project} value={project} data-test={`project-option-${project}`}>
                  {project}
                </SelectOption>
              ))}
            </SelectList>
          </Select>
        </FlexItem>
        {children && <FlexItem>{children}</FlexItem>}
      </Flex>
    </PageSection>
  );
};

/** Relative time as the console shows it, with the exact time in the title. */
export const Timestamp: React.FC<{
  timestamp: string | number | Date;
  simple?: boolean;
  className?: string;
}> = ({ timestamp, className }) => {
  const date = new Date(timestamp);
  if (Number.isNaN(date.getTime())) return <span className={className}>-</span>;
  const seconds = Math.round((Date.now() - date.getTime()) / 1000);
  const text =
    seconds < 60
      ? 'Just now'
      : seconds < 3600
        ? `${Math.floor(seconds / 60)} minutes ago`
        : date.toLocaleString('en-US');
  return (
    <time
      className={className}
      dateTime={date.toISOString()}
      title={date.toISOString()}
      data-test="timestamp"
    >
      {text}
    </time>
  );
};

export const useResolvedExtensions = useShellResolvedExtensions;

// The dashboard pieces (Overview, OverviewGrid, InventoryItem*, StatusPopup*).
export * from './dashboard';

export const HorizontalNav = missingComponent('HorizontalNav');
export const VirtualizedTable = missingComponent('VirtualizedTable');
export const TableData = missingComponent('TableData');
export const useActiveColumns = missingHook('useActiveColumns');
export const AsyncCodeEditor = missingComponent('CodeEditor');
export const AsyncResourceYAMLEditor = missingComponent('ResourceYAMLEditor');
export const ResourceEventStream = missingComponent('ResourceEventStream');
export const ActionServiceProvider = missingComponent('ActionServiceProvider');
export const ErrorBoundaryFallbackPage = missingComponent('ErrorBoundaryFallbackPage');
export const QueryBrowser = missingComponent('QueryBrowser');
export const usePrometheusPoll = missingHook('usePrometheusPoll');
export const useAnnotationsModal = missingHook('useAnnotationsModal');
export const useDeleteModal = missingHook('useDeleteModal');
export const useLabelsModal = missingHook('useLabelsModal');
export const useUserSettings = missingHook('useUserSettings');
export const useQuickStartContext = missingHook('useQuickStartContext');
