import * as React from 'react';
import {
  Masthead,
  MastheadBrand,
  MastheadContent,
  MastheadLogo,
  MastheadMain,
  MenuToggle,
  Nav,
  NavExpandable,
  NotificationBadge,
  NotificationDrawer,
  NotificationDrawerBody,
  NotificationDrawerHeader,
  NotificationDrawerList,
  NotificationDrawerListItem,
  NotificationDrawerListItemBody,
  NotificationDrawerListItemHeader,
  NavItem,
  NavList,
  Page,
  PageSection,
  PageSidebar,
  PageSidebarBody,
  Select,
  SelectList,
  SelectOption,
  Spinner,
  Switch as PfSwitch,
  Title,
  ToggleGroup,
  ToggleGroupItem,
  Toolbar,
  ToolbarContent,
  ToolbarItem,
} from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router-dom-v5-compat';
import {
  ofType,
  translateLabel,
  useShellExtensions,
  useShellResolvedExtensions,
} from '../extensions';
import { shellCapabilities, type ShellCapabilities } from '../capabilities';
import { generation } from '../generation/current';
import { failedPlugins } from '../plugin-status';
import type { ShellRoute } from '../generation/generation';
import { ALL_NAMESPACES, ShellContext, type Perspective } from '../shell-context';
import AddPage from './AddPage';
import BuildConfigPage from './BuildConfigPage';
import BuildConfigsPage from './BuildConfigsPage';
import DashboardsPage from './DashboardsPage';
import { ErrorBoundary } from './ErrorBoundary';
import LazyPage from './LazyPage';
import ProjectOverviewPage from './ProjectOverviewPage';

const USERS = ['project-admin', 'editor', 'viewer', 'cluster-admin'];

interface HrefNav {
  id: string;
  name: string;
  href: string;
  perspective?: string;
  section?: string;
  insertAfter?: string | string[];
  namespaced?: boolean;
  dataAttributes?: Record<string, string>;
}

interface StaticNav {
  id: string;
  name: string;
  href: string;
  /** Shown only on a cluster with the Build capability (flag OPENSHIFT_BUILDCONFIG). */
  needsBuild?: boolean;
}

/** A few of the console's own entries, so plugin items can be placed among them. */
const STATIC_NAV: Record<Perspective, { id: string; name: string; items: StaticNav[] }[]> = {
  admin: [
    {
      id: 'home',
      name: 'Home',
      items: [
        { id: 'dashboards', name: 'Overview', href: '/dashboards' },
        { id: 'projects', name: 'Projects', href: '/k8s/cluster/projects' },
      ],
    },
    {
      id: 'workloads',
      name: 'Workloads',
      items: [{ id: 'deployments', name: 'Deployments', href: '/k8s/ns/:ns/deployments' }],
    },
    {
      id: 'builds',
      name: 'Builds',
      items: [
        {
          id: 'buildconfigs',
          name: 'BuildConfigs',
          href: '/k8s/ns/:ns/buildconfigs',
          needsBuild: true,
        },
      ],
    },
  ],
  dev: [
    {
      id: 'resources',
      name: 'Developer',
      items: [
        { id: 'add', name: '+Add', href: '/add/ns/:ns' },
        { id: 'topology', name: 'Topology', href: '/topology/ns/:ns' },
        { id: 'builds', name: 'Builds', href: '/builds/ns/:ns', needsBuild: true },
        { id: 'project', name: 'Project', href: '/project-details/ns/:ns' },
      ],
    },
  ],
};

const namespacedHref = (href: string, namespace: string): string =>
  namespace === ALL_NAMESPACES ? `${href}/all-namespaces` : `${href}/ns/${namespace}`;

const ShellNav: React.FC<{ navItems: HrefNav[] }> = ({ navItems }) => {
  const { perspective, activeNamespace } = React.useContext(ShellContext);
  const { t } = useTranslation();
  const location = useLocation();
  const ns = activeNamespace === ALL_NAMESPACES ? 'demo' : activeNamespace;
  return (
    <Nav aria-label="Main navigation" data-test="shell-nav">
      <NavList>
        {STATIC_NAV[perspective].map((section) => {
          const items: { id: string; name: string; href: string; data?: Record<string, string> }[] =
            section.items
              .filter((item) => !item.needsBuild || shellCapabilities().build)
              .map((item) => ({
                id: item.id,
                name: item.name,
                href: item.href.replace(':ns', ns),
              }));
          for (const item of navItems.filter(
            (n) => (n.perspective ?? 'admin') === perspective && n.section === section.id,
          )) {
            const after = [item.insertAfter ?? []].flat();
            const index = items.findIndex((existing) => after.includes(existing.id));
            const entry = {
              id: item.id,
              name: translateLabel(item.name, t),
              href: item.namespaced ? namespacedHref(item.href, activeNamespace) : item.href,
              data: item.dataAttributes,
            };
            items.splice(index >= 0 ? index + 1 : items.length, 0, entry);
          }
          // Like the console, a section with nothing in it is not shown.
          if (items.length === 0) return null;
          return (
            <NavExpandable
              key={section.id}
              title={section.name}
              isExpanded
              data-test={`nav-section-${section.id}`}
            >
              {items.map((item) => (
                <NavItem
                  key={item.id}
                  isActive={location.pathname.startsWith(item.href.split('/ns/')[0] ?? item.href)}
                >
                  <Link to={item.href} data-test-nav={item.id} {...(item.data ?? {})}>
                    {item.name}
                  </Link>
                </NavItem>
              ))}
            </NavExpandable>
          );
        })}
      </NavList>
    </Nav>
  );
};

const UserSelect: React.FC = () => {
  const [user, setUser] = React.useState<string>('');
  const [open, setOpen] = React.useState(false);
  React.useEffect(() => {
    void fetch('/__cluster/user')
      .then((r) => r.json() as Promise<{ user: string }>)
      .then((body) => setUser(body.user));
  }, []);
  const choose = (value: string) => {
    setOpen(false);
    void fetch('/__cluster/user', { method: 'POST', body: JSON.stringify({ user: value }) }).then(
      () => window.location.reload(),
    );
  };
  return (
    <Select
      isOpen={open}
      onOpenChange={setOpen}
      onSelect={(_e, value) => choose(String(value))}
      toggle={(ref) => (
        <MenuToggle ref={ref} onClick={() => setOpen(!open)} data-test="user-menu">
          {`User: ${user}`}
        </MenuToggle>
      )}
    >
      <SelectList>
        {USERS.map((u) => (
          <SelectOption key={u} value={u} data-test={`user-${u}`}>
            {u}
          </SelectOption>
        ))}
      </SelectList>
    </Select>
  );
};

const CAPABILITY_SWITCHES: { key: keyof ShellCapabilities; label: string }[] = [
  { key: 'build', label: 'Build capability' },
  { key: 'monitoring', label: 'Monitoring' },
  { key: 'developerPerspective', label: 'Developer perspective' },
];

/** The cluster's optional parts, switched through the control API; the page then reloads. */
const CapabilitySwitches: React.FC = () => {
  const change = (key: keyof ShellCapabilities, on: boolean) => {
    void fetch('/__cluster/capabilities', {
      method: 'POST',
      body: JSON.stringify({ [key]: on }),
    }).then(() => window.location.reload());
  };
  return (
    <>
      {CAPABILITY_SWITCHES.map(({ key, label }) => (
        <ToolbarItem key={key}>
          <PfSwitch
            id={`shell-capability-${key}`}
            label={label}
            isChecked={shellCapabilities()[key]}
            onChange={(_e, on) => change(key, on)}
            data-test={`capability-${key}`}
          />
        </ToolbarItem>
      ))}
    </>
  );
};

/**
 * The console's notification drawer, with only its dynamic plugin entries: one warning per
 * plugin that failed to load, worded as the console words it (`notification-drawer.tsx`),
 * leading to the plugin's ConsolePlugin page.
 */
const PluginNotifications: React.FC<{ onClose: () => void }> = ({ onClose }) => {
  const navigate = useNavigate();
  return (
    <NotificationDrawer data-test="notification-drawer">
      <NotificationDrawerHeader count={failedPlugins().length} onClose={onClose} />
      <NotificationDrawerBody>
        <NotificationDrawerList>
          {failedPlugins().map((pluginName) => (
            <NotificationDrawerListItem
              key={pluginName}
              variant="warning"
              onClick={() => {
                onClose();
                navigate(`/k8s/cluster/console.openshift.io~v1~ConsolePlugin/${pluginName}`);
              }}
              data-test={`notification-plugin-failed-${pluginName}`}
            >
              <NotificationDrawerListItemHeader variant="warning" title="Dynamic plugin error" />
              <NotificationDrawerListItemBody>
                {`Something went wrong with the ${pluginName} plugin.`}
              </NotificationDrawerListItemBody>
            </NotificationDrawerListItem>
          ))}
        </NotificationDrawerList>
      </NotificationDrawerBody>
    </NotificationDrawer>
  );
};

const ShellMasthead: React.FC<{ notifications: number; onNotifications: () => void }> = ({
  notifications,
  onNotifications,
}) => {
  const { perspective, setPerspective } = React.useContext(ShellContext);
  const [dark, setDark] = React.useState(
    document.documentElement.classList.contains('pf-v6-theme-dark'),
  );
  const navigate = useNavigate();
  const toggleDark = (on: boolean) => {
    document.documentElement.classList.toggle('pf-v6-theme-dark', on);
    localStorage.setItem('shell-theme', on ? 'dark' : 'light');
    setDark(on);
  };
  return (
    <Masthead>
      <MastheadMain>
        <MastheadBrand>
          <MastheadLogo component="a" href="/">
            <Title headingLevel="h4">Console shell</Title>
          </MastheadLogo>
        </MastheadBrand>
      </MastheadMain>
      <MastheadContent>
        <Toolbar isFullHeight>
          <ToolbarContent>
            <ToolbarItem>
              <ToggleGroup aria-label="Perspective">
                <ToggleGroupItem
                  text="Administrator"
                  isSelected={perspective === 'admin'}
                  onChange={() => setPerspective('admin')}
                  data-test="perspective-admin"
                />
                {shellCapabilities().developerPerspective && (
                  <ToggleGroupItem
                    text="Developer"
                    isSelected={perspective === 'dev'}
                    onChange={() => {
                      setPerspective('dev');
                      navigate('/add/ns/demo');
                    }}
                    data-test="perspective-dev"
                  />
                )}
              </ToggleGroup>
            </ToolbarItem>
            <ToolbarItem>
              <PfSwitch
                id="shell-dark-theme"
                label="Dark theme"
                isChecked={dark}
                onChange={(_e, on) => toggleDark(on)}
                data-test="dark-theme"
              />
            </ToolbarItem>
            <CapabilitySwitches />
            <ToolbarItem>
              <NotificationBadge
                variant={notifications > 0 ? 'attention' : 'read'}
                count={notifications}
                onClick={onNotifications}
                aria-label="Notification drawer"
                data-test="notification-badge"
              />
            </ToolbarItem>
            <ToolbarItem>
              <UserSelect />
            </ToolbarItem>
          </ToolbarContent>
        </Toolbar>
      </MastheadContent>
    </Masthead>
  );
};

/** Keeps the active namespace in step with `/ns/<name>/` and `/all-namespaces` in the URL. */
const NamespaceFromUrl: React.FC = () => {
  const location = useLocation();
  const { setActiveNamespace } = React.useContext(ShellContext);
  React.useEffect(() => {
    const match = /\/ns\/([^/]+)/.exec(location.pathname);
    if (match?.[1]) setActiveNamespace(decodeURIComponent(match[1]));
    else if (location.pathname.endsWith('/all-namespaces')) setActiveNamespace(ALL_NAMESPACES);
  }, [location.pathname, setActiveNamespace]);
  return null;
};

const ResourcePage: React.FC = () => {
  const location = useLocation();
  return (
    <PageSection data-test="resource-page">
      <Title headingLevel="h1">{location.pathname}</Title>
    </PageSection>
  );
};

const Home: React.FC = () => (
  <PageSection data-test="shell-home">
    <Title headingLevel="h1">Console shell</Title>
    <p>
      <Link to="/pipcache/ns/demo">PipCache in project demo</Link>
    </p>
  </PageSection>
);

interface RouteProps {
  path: string | string[];
  exact?: boolean;
  component: () => Promise<React.ComponentType>;
  perspective?: string;
}

const { Router, ShellRoutes } = generation;

const Shell: React.FC = () => {
  const [drawerOpen, setDrawerOpen] = React.useState(false);
  const [navExtensions, navResolved] = useShellResolvedExtensions(
    ofType('console.navigation/href'),
  );
  // Unresolved, as the console keeps them: each page's module loads when its route matches.
  // The plugin is loaded before the shell renders, so the routes are all here from the start.
  const routeExtensions = useShellExtensions(ofType('console.page/route'));
  const navItems = navExtensions.map((e) => e.properties as unknown as HrefNav);
  // The console's own pages first, then the plugin's; like the console, plugin pages render
  // inside the router's route context, so that the v5-compat (v6) hooks such as useParams see
  // the route's params in both generations.
  const routes: ShellRoute[] = [
    { key: 'add', path: '/add/ns/:ns', exact: true, element: <AddPage /> },
    {
      key: 'buildconfigs',
      path: '/k8s/ns/:ns/buildconfigs',
      exact: true,
      element: <BuildConfigsPage />,
    },
    {
      key: 'buildconfig',
      path: '/k8s/ns/:ns/buildconfigs/:name/:tab?',
      exact: true,
      element: <BuildConfigPage />,
    },
    {
      key: 'project',
      path: '/k8s/cluster/projects/:ns',
      exact: true,
      element: <ProjectOverviewPage />,
    },
    {
      key: 'project-details',
      path: '/project-details/ns/:ns',
      exact: true,
      element: <ProjectOverviewPage />,
    },
    { key: 'dashboards', path: '/dashboards', element: <DashboardsPage /> },
    { key: 'resource', path: '/k8s', element: <ResourcePage /> },
    ...routeExtensions.flatMap((extension) => {
      const props = extension.properties as unknown as RouteProps;
      return [props.path].flat().map((routePath) => ({
        key: `${extension.uid}-${routePath}`,
        path: routePath,
        exact: props.exact,
        element: (
          <ErrorBoundary>
            <LazyPage load={props.component} />
          </ErrorBoundary>
        ),
      }));
    }),
    { key: 'home', path: '/', exact: true, element: <Home /> },
  ];
  return (
    <Page
      masthead={
        <ShellMasthead
          notifications={failedPlugins().length}
          onNotifications={() => setDrawerOpen(!drawerOpen)}
        />
      }
      notificationDrawer={<PluginNotifications onClose={() => setDrawerOpen(false)} />}
      isNotificationDrawerExpanded={drawerOpen}
      sidebar={
        <PageSidebar>
          <PageSidebarBody>
            {navResolved ? <ShellNav navItems={navItems} /> : <Spinner size="md" />}
          </PageSidebarBody>
        </PageSidebar>
      }
      isManagedSidebar
    >
      <NamespaceFromUrl />
      <ErrorBoundary>
        <ShellRoutes
          routes={routes}
          notFound={<PageSection data-test="not-found">404: Page Not Found</PageSection>}
        />
      </ErrorBoundary>
    </Page>
  );
};

/** The shell: console-like chrome around the plugin's pages. */
const App: React.FC<{ modalProvider: React.ComponentType<{ children?: React.ReactNode }> }> = ({
  modalProvider: ModalProvider,
}) => {
  const [activeNamespace, setActiveNamespace] = React.useState('demo');
  // Since console 4.19 the Developer perspective exists only once an admin enables it.
  const [perspective, setPerspective] = React.useState<Perspective>(
    shellCapabilities().developerPerspective
      ? ((localStorage.getItem('shell-perspective') as Perspective | null) ?? 'admin')
      : 'admin',
  );
  const state = React.useMemo(
    () => ({
      activeNamespace,
      setActiveNamespace,
      perspective,
      setPerspective: (p: Perspective) => {
        localStorage.setItem('shell-perspective', p);
        setPerspective(p);
      },
    }),
    [activeNamespace, perspective],
  );
  return (
    <Router>
      <ShellContext.Provider value={state}>
        <ModalProvider>
          <Shell />
        </ModalProvider>
      </ShellContext.Provider>
    </Router>
  );
};

export default App;
