import * as React from 'react';
import {
  Card,
  CardBody,
  CardHeader,
  CardTitle,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Flex,
  FlexItem,
  Label,
  PageSection,
  Spinner,
  Stack,
  StackItem,
  Tab,
  Tabs,
  TabTitleText,
  Title,
} from '@patternfly/react-core';
import { useParams } from 'react-router-dom-v5-compat';
import { useK8sWatchResource } from '@openshift-console/dynamic-plugin-sdk';
import type { K8sResourceCommon } from '@openshift-console/dynamic-plugin-sdk';
import { ofType, useShellResolvedExtensions } from '../extensions';
import {
  InventoryItem,
  InventoryItemBody,
  InventoryItemTitle,
  Overview,
  OverviewGrid,
} from '../facades/dashboard';
import { ErrorBoundary } from './ErrorBoundary';

interface Project {
  metadata: { name?: string; annotations?: Record<string, string>; creationTimestamp?: string };
  status?: { phase?: string };
}

const ProjectContext = React.createContext<Project | undefined>(undefined);

/** One of the console's own inventory lines: a kind and how many the project has. */
const CountItem: React.FC<{ projectName: string; group?: string; kind: string; label: string }> = ({
  projectName,
  group,
  kind,
  label,
}) => {
  const [items, loaded, error] = useK8sWatchResource<K8sResourceCommon[]>({
    groupVersionKind: { group, version: 'v1', kind },
    isList: true,
    namespace: projectName,
  });
  return (
    <InventoryItem>
      <InventoryItemTitle>{loaded ? `${items.length} ${label}` : label}</InventoryItemTitle>
      <InventoryItemBody error={error} />
    </InventoryItem>
  );
};

/**
 * The Project Overview's Inventory card: the console's own lines, then one line per
 * `console.project-overview/inventory-item` extension, whose component gets `{ projectName }`.
 */
const InventoryCard: React.FC = () => {
  const project = React.useContext(ProjectContext);
  const projectName = project?.metadata.name ?? '';
  const [extensions] = useShellResolvedExtensions(
    ofType('console.project-overview/inventory-item'),
  );
  return (
    <Card data-test="inventory-card">
      <CardHeader>
        <CardTitle>Inventory</CardTitle>
      </CardHeader>
      <CardBody>
        <Stack hasGutter>
          <StackItem>
            <CountItem
              projectName={projectName}
              group="apps"
              kind="Deployment"
              label="Deployments"
            />
          </StackItem>
          <StackItem>
            <CountItem projectName={projectName} kind="Pod" label="Pods" />
          </StackItem>
          <StackItem>
            <CountItem projectName={projectName} kind="Service" label="Services" />
          </StackItem>
          {extensions.map((extension) => {
            const Component = (
              extension.properties as unknown as {
                component: React.ComponentType<{ projectName: string }>;
              }
            ).component;
            return (
              <ErrorBoundary key={extension.uid}>
                <StackItem data-test="plugin-inventory-item">
                  <Component projectName={projectName} />
                </StackItem>
              </ErrorBoundary>
            );
          })}
        </Stack>
      </CardBody>
    </Card>
  );
};

const DetailsCard: React.FC = () => {
  const project = React.useContext(ProjectContext);
  return (
    <Card data-test="project-details-card">
      <CardHeader>
        <CardTitle>Details</CardTitle>
      </CardHeader>
      <CardBody>
        <DescriptionList>
          <DescriptionListGroup>
            <DescriptionListTerm>Name</DescriptionListTerm>
            <DescriptionListDescription>{project?.metadata.name}</DescriptionListDescription>
          </DescriptionListGroup>
          <DescriptionListGroup>
            <DescriptionListTerm>Requester</DescriptionListTerm>
            <DescriptionListDescription>
              {project?.metadata.annotations?.['openshift.io/requester'] || 'No requester'}
            </DescriptionListDescription>
          </DescriptionListGroup>
        </DescriptionList>
      </CardBody>
    </Card>
  );
};

const StatusCard: React.FC = () => {
  const project = React.useContext(ProjectContext);
  return (
    <Card data-test="project-status-card">
      <CardHeader>
        <CardTitle>Status</CardTitle>
      </CardHeader>
      <CardBody>{project?.status?.phase ?? 'Active'}</CardBody>
    </Card>
  );
};

/**
 * Home → Projects → a project (`/k8s/cluster/projects/:ns`), and the Developer perspective's
 * Project page (`/project-details/ns/:ns`): the project's Overview tab, a
 * dashboard with Details and Inventory on the left and Status in the middle, as the console
 * lays it out.
 */
const ProjectOverviewPage: React.FC = () => {
  const { ns = '' } = useParams<{ ns: string }>();
  const [project, setProject] = React.useState<Project>();
  const [problem, setProblem] = React.useState<string>();
  React.useEffect(() => {
    let active = true;
    setProject(undefined);
    setProblem(undefined);
    void fetch(`/api/kubernetes/apis/project.openshift.io/v1/projects/${encodeURIComponent(ns)}`, {
      credentials: 'same-origin',
    }).then(async (response) => {
      if (!active) return;
      if (response.ok) setProject((await response.json()) as Project);
      else
        setProblem(
          `${response.status}: ${((await response.json()) as { message?: string }).message ?? ''}`,
        );
    });
    return () => {
      active = false;
    };
  }, [ns]);

  if (problem)
    return (
      <PageSection data-test="project-problem">
        <Title headingLevel="h1">Restricted access</Title>
        <p>{problem}</p>
      </PageSection>
    );
  if (!project) return <Spinner aria-label="Loading project" />;
  return (
    <ProjectContext.Provider value={project}>
      <PageSection data-test="project-overview-page">
        <Flex alignItems={{ default: 'alignItemsCenter' }}>
          <FlexItem>
            <Label isCompact color="blue">
              PR
            </Label>
          </FlexItem>
          <FlexItem>
            <Title headingLevel="h1" data-test="page-heading">
              {ns}
            </Title>
          </FlexItem>
        </Flex>
        <Tabs activeKey="overview" aria-label="Project">
          <Tab eventKey="overview" title={<TabTitleText>Overview</TabTitleText>} />
        </Tabs>
      </PageSection>
      <PageSection>
        <Overview>
          <OverviewGrid
            leftCards={[{ Card: DetailsCard }, { Card: InventoryCard }]}
            mainCards={[{ Card: StatusCard }]}
          />
        </Overview>
      </PageSection>
    </ProjectContext.Provider>
  );
};

export default ProjectOverviewPage;
