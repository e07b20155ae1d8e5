import * as React from 'react';
import {
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Dropdown,
  DropdownItem,
  DropdownList,
  Flex,
  FlexItem,
  MenuToggle,
  PageSection,
  Spinner,
  Tab,
  Tabs,
  TabTitleText,
  Title,
} from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom-v5-compat';
import type { K8sResourceCommon } from '@openshift-console/dynamic-plugin-sdk';
import { useK8sWatchResource } from '@openshift-console/dynamic-plugin-sdk/lib/utils/k8s/hooks/useK8sWatchResource';
import { ofType, translateLabel, useShellResolvedExtensions } from '../extensions';
import { generation } from '../generation/current';

interface ModelRef {
  group?: string;
  version?: string;
  kind: string;
}

interface Action {
  id: string;
  label: React.ReactNode;
  cta: (() => void) | { href: string; external?: boolean };
  disabled?: boolean;
  disabledTooltip?: string;
  tooltip?: string;
}

type ActionHook = (scope: unknown) => [Action[], boolean, unknown];

interface BuildConfigLike extends K8sResourceCommon {
  spec?: {
    strategy?: {
      type?: string;
      sourceStrategy?: { env?: { name: string; value?: string }[] };
      dockerStrategy?: { env?: { name: string; value?: string }[] };
    };
  };
}

const isBuildConfigModel = (model: ModelRef | undefined): boolean =>
  model?.kind === 'BuildConfig' && (model.group ?? '') === 'build.openshift.io';

/** Runs one provider hook (hooks need a component of their own) and reports its actions. */
const ActionProviderRunner: React.FC<{
  id: string;
  useProvider: ActionHook;
  scope: unknown;
  onResult: (id: string, actions: Action[], loaded: boolean) => void;
}> = ({ id, useProvider, scope, onResult }) => {
  const [actions, loaded, error] = useProvider(scope);
  React.useEffect(() => {
    if (error) console.error(`Action provider ${id} failed`, error);
    onResult(id, actions, loaded);
  }, [id, actions, loaded, error, onResult]);
  return null;
};

const buildNumber = (build: K8sResourceCommon): number =>
  Number(build.metadata?.annotations?.['openshift.io/build.number'] ?? 0);

/**
 * The console's BuildConfig details page, reduced to what plugins plug into: the Actions menu
 * from `console.action/resource-provider` (called with `{ buildConfig, latestBuild }`, as
 * console 4.21+ does; the 4.19 generation shows none) and tabs from `console.tab/horizontalNav` (given `obj`).
 */
const BuildConfigPage: React.FC = () => {
  const { ns = '', name = '', tab = '' } = useParams<{ ns: string; name: string; tab?: string }>();
  const navigate = useNavigate();
  const { t } = useTranslation();
  const [buildConfig, loaded, loadError] = useK8sWatchResource<BuildConfigLike>({
    groupVersionKind: { group: 'build.openshift.io', version: 'v1', kind: 'BuildConfig' },
    name,
    namespace: ns,
  });
  const [builds] = useK8sWatchResource<K8sResourceCommon[]>({
    groupVersionKind: { group: 'build.openshift.io', version: 'v1', kind: 'Build' },
    namespace: ns,
    isList: true,
    selector: { matchLabels: { 'openshift.io/build-config.name': name } },
  });
  const latestBuild = React.useMemo(
    () => [...builds].sort((a, b) => buildNumber(b) - buildNumber(a))[0],
    [builds],
  );
  const [extensions, resolved] = useShellResolvedExtensions(
    ofType('console.tab/horizontalNav'),
    ofType('console.action/resource-provider'),
  );
  const tabs = extensions.filter(
    (e) =>
      e.type === 'console.tab/horizontalNav' &&
      isBuildConfigModel((e.properties as { model?: ModelRef }).model),
  );
  // Consoles 4.19 and 4.20 render no plugin actions on BuildConfigs; 4.21 and later do.
  const providers = extensions.filter(
    (e) =>
      generation.buildConfigActions &&
      e.type === 'console.action/resource-provider' &&
      isBuildConfigModel((e.properties as { model?: ModelRef }).model),
  );
  const [actions, setActions] = React.useState<Record<string, Action[]>>({});
  const onResult = React.useCallback((id: string, list: Action[]) => {
    setActions((previous) => (previous[id] === list ? previous : { ...previous, [id]: list }));
  }, []);
  const [menuOpen, setMenuOpen] = React.useState(false);
  const scope = React.useMemo(() => ({ buildConfig, latestBuild }), [buildConfig, latestBuild]);

  if (loadError) {
    return (
      <PageSection data-test="buildconfig-error">{`Error loading BuildConfig: ${String(
        (loadError as { message?: string }).message ?? loadError,
      )}`}</PageSection>
    );
  }
  if (!loaded || !resolved) return <Spinner aria-label="Loading BuildConfig" />;

  const base = `/k8s/ns/${ns}/buildconfigs/${name}`;
  const strategy = buildConfig.spec?.strategy;
  const env = strategy?.sourceStrategy?.env ?? strategy?.dockerStrategy?.env ?? [];
  const allActions = providers.flatMap((e) => actions[e.uid] ?? []);
  const runAction = (action: Action) => {
    setMenuOpen(false);
    if (typeof action.cta === 'function') action.cta();
    else navigate(action.cta.href);
  };

  const tabElements = [
    <Tab
      key="details"
      eventKey="details"
      title={<TabTitleText>Details</TabTitleText>}
      data-test="tab-details"
    >
      <DescriptionList data-test="buildconfig-details">
        <DescriptionListGroup>
          <DescriptionListTerm>Strategy</DescriptionListTerm>
          <DescriptionListDescription>{strategy?.type ?? ''}</DescriptionListDescription>
        </DescriptionListGroup>
        <DescriptionListGroup>
          <DescriptionListTerm>Environment</DescriptionListTerm>
          <DescriptionListDescription data-test="buildconfig-env">
            {env.map((entry) => (
              <div key={entry.name}>{`${entry.name}=${entry.value ?? ''}`}</div>
            ))}
          </DescriptionListDescription>
        </DescriptionListGroup>
        <DescriptionListGroup>
          <DescriptionListTerm>Latest build</DescriptionListTerm>
          <DescriptionListDescription data-test="buildconfig-latest-build">
            {latestBuild?.metadata?.name ?? 'none'}
          </DescriptionListDescription>
        </DescriptionListGroup>
      </DescriptionList>
    </Tab>,
    ...tabs.map((e) => {
      const props = e.properties as unknown as {
        page: { name: string; href: string };
        component: React.ComponentType<{ obj: K8sResourceCommon }>;
      };
      const Component = props.component;
      return (
        <Tab
          key={e.uid}
          eventKey={props.page.href}
          title={<TabTitleText>{translateLabel(props.page.name, t)}</TabTitleText>}
          data-test={`tab-${props.page.href}`}
        >
          {tab === props.page.href && <Component obj={buildConfig} />}
        </Tab>
      );
    }),
  ];

  return (
    <>
      {providers.map((e) => (
        <ActionProviderRunner
          key={e.uid}
          id={e.uid}
          useProvider={(e.properties as { provider: ActionHook }).provider}
          scope={scope}
          onResult={onResult}
        />
      ))}
      <PageSection data-test="buildconfig-page">
        <Flex justifyContent={{ default: 'justifyContentSpaceBetween' }}>
          <FlexItem>
            <Title headingLevel="h1" data-test="buildconfig-title">
              {`BuildConfig ${name}`}
            </Title>
          </FlexItem>
          <FlexItem>
            <Dropdown
              isOpen={menuOpen}
              onOpenChange={setMenuOpen}
              popperProps={{ position: 'right' }}
              toggle={(ref) => (
                <MenuToggle
                  ref={ref}
                  onClick={() => setMenuOpen(!menuOpen)}
                  data-test="actions-menu"
                >
                  Actions
                </MenuToggle>
              )}
            >
              <DropdownList>
                {allActions.map((action) => (
                  <DropdownItem
                    key={action.id}
                    data-test-action={action.id}
                    isAriaDisabled={action.disabled}
                    tooltipProps={
                      action.disabled && action.disabledTooltip
                        ? { content: action.disabledTooltip }
                        : action.tooltip
                          ? { content: action.tooltip }
                          : undefined
                    }
                    onClick={() => runAction(action)}
                  >
                    {action.label}
                  </DropdownItem>
                ))}
              </DropdownList>
            </Dropdown>
          </FlexItem>
        </Flex>
      </PageSection>
      <PageSection>
        <Tabs
          activeKey={tab || 'details'}
          onSelect={(_e, key) => navigate(key === 'details' ? base : `${base}/${String(key)}`)}
          aria-label="BuildConfig tabs"
        >
          {tabElements}
        </Tabs>
      </PageSection>
    </>
  );
};

export default BuildConfigPage;
