/**
 * The one stand-in for `src/sdk/console-sdk.ts` in unit tests: every name the adapter exports,
 * answered from a small in-memory state that a test sets through `sdkDouble`.
 *
 * A spec replaces the adapter with it in one line (the path is relative to the spec):
 *
 *     jest.mock('../../sdk/console-sdk', () => jest.requireActual('../../test-support/console-sdk-double'));
 *
 * and then sets what the console answers: `sdkDouble.setWatch('Deployment', [...])`,
 * `sdkDouble.setAccess(false)`, `sdkDouble.answerK8s('patch', () => ...)`. The state is reset
 * before every test, so no test sees another's answers. The module's functions are jest mocks
 * typed by what they are called with, so a test reads their calls without casts.
 *
 * Production code never imports this file (an ESLint rule keeps it so); it is type-checked with
 * the rest of src/ and never bundled.
 */
import * as React from 'react';
import type * as Sdk from '../sdk/console-sdk';
import type {
  AccessReviewResourceAttributes,
  WatchK8sResource,
} from '@openshift-console/dynamic-plugin-sdk';

/** A watched object or list as a test gives it: any object shape the code under test reads. */
export type WatchedData = object | object[] | undefined;

/** What one watch returns: the SDK's `[data, loaded, loadError]`. */
export interface WatchAnswer {
  data: WatchedData;
  loaded: boolean;
  loadError: unknown;
}

/** The options each k8s function of the adapter takes, as the SDK types them. */
export interface K8sOptions {
  create: Parameters<typeof Sdk.k8sCreate>[0];
  update: Parameters<typeof Sdk.k8sUpdate>[0];
  patch: Parameters<typeof Sdk.k8sPatch>[0];
  delete: Parameters<typeof Sdk.k8sDelete>[0];
  get: Parameters<typeof Sdk.k8sGet>[0];
  list: Parameters<typeof Sdk.k8sListItems>[0];
}

export type K8sVerb = keyof K8sOptions;

/** One recorded k8s call: which verb, on which kind, with which options. */
export type K8sCall = {
  [V in K8sVerb]: { verb: V; kind: string; options: K8sOptions[V] };
}[K8sVerb];

/** How a k8s function answers: a value, a promise, or a throw (which rejects). */
type K8sAnswer<V extends K8sVerb> = (options: K8sOptions[V]) => unknown;
type K8sAnswers = { [V in K8sVerb]: Map<string, K8sAnswer<V>> };
type AccessAnswer = (attributes: AccessReviewResourceAttributes) => [boolean, boolean];
/** The part of a fetch `Response` the plugin reads: the console rejects non-2xx answers itself. */
export interface TextResponse {
  text: () => Promise<string>;
}
type FetchAnswer = (url: string, init?: RequestInit) => Promise<TextResponse>;
type FetchJSONAnswer = (url: string, method?: string) => Promise<unknown>;

/** A rejection shaped like the console's HttpError: a Kubernetes `Status` in `json`. */
export class K8sStatusError extends Error {
  readonly json: {
    kind: 'Status';
    code: number;
    reason?: string;
    message: string;
    details?: object;
  };
  readonly code: number;

  constructor(code: number, message: string, reason?: string, details?: object) {
    super(message);
    this.code = code;
    this.json = { kind: 'Status', code, reason, message, details };
  }
}

/** A promise that never settles: an answer that has not come (yet). */
export const never = <T>(): Promise<T> => new Promise<T>(() => undefined);

/** A fetch answer whose body is `text` (what the adapter's `consoleFetch` resolves with). */
export const textResponse = (text: string): TextResponse => ({ text: () => Promise.resolve(text) });

/** The plugin names every watched kind by `groupVersionKind` (the SDK deprecates `kind`). */
const kindOf = (resource: WatchK8sResource | null): string =>
  resource?.groupVersionKind?.kind ?? '';

interface State {
  watches: Map<string, (resource: WatchK8sResource) => WatchAnswer>;
  flags: Map<string, boolean | undefined>;
  access: AccessAnswer;
  k8s: K8sAnswers;
  calls: K8sCall[];
  fetch: FetchAnswer;
  fetchJSON: FetchJSONAnswer;
  activeNamespace: string;
}

const defaultK8s: { [V in K8sVerb]: K8sAnswer<V> } = {
  // The API server answers a create with the object it stored.
  create: (options) => Promise.resolve(options.data),
  update: (options) => Promise.resolve(options.data),
  patch: (options) =>
    Promise.reject(new Error(`console-sdk-double: no answer set for patch ${options.model.kind}`)),
  get: (options) =>
    Promise.reject(
      new K8sStatusError(
        404,
        `${options.model.kind} "${options.name ?? ''}" not found`,
        'NotFound',
      ),
    ),
  delete: () => Promise.resolve({ kind: 'Status', status: 'Success' }),
  list: () => Promise.resolve([]),
};

const fresh = (): State => ({
  watches: new Map(),
  flags: new Map(),
  access: () => [true, false],
  k8s: {
    create: new Map(),
    update: new Map(),
    patch: new Map(),
    delete: new Map(),
    get: new Map(),
    list: new Map(),
  },
  calls: [],
  fetch: () => never(),
  fetchJSON: () => never(),
  activeNamespace: 'demo',
});

let state = fresh();

/** Answers a k8s call from the answers set for its verb and kind. */
const answerK8sCall = <V extends K8sVerb>(
  options: K8sOptions[V],
  answers: Map<string, K8sAnswer<V>>,
  fallback: K8sAnswer<V>,
): Promise<unknown> => {
  const kind = options.model.kind;
  const answer = answers.get(kind) ?? answers.get('') ?? fallback;
  // An answer may throw or return a value or a promise: the caller always gets a promise.
  return new Promise((resolve) => resolve(answer(options)));
};

const watchOne = (resource: WatchK8sResource | null): WatchAnswer => {
  if (!resource) return { data: undefined, loaded: true, loadError: undefined };
  const answer = state.watches.get(kindOf(resource));
  if (answer) return answer(resource);
  // A kind the test did not set: loaded and empty, as a cluster without such objects.
  return { data: resource.isList ? [] : undefined, loaded: true, loadError: undefined };
};

/** Stand-ins for the console's components: plain elements that show what a user would read. */
const children = (props: { children?: React.ReactNode }) =>
  React.createElement(React.Fragment, null, props.children);

/** Resets of every mock: each gets its own implementation back before the next test. */
const resets: (() => void)[] = [];

/** A jest mock of `implementation` that the double's reset restores to it. */
const mockOf = <A extends unknown[], R>(implementation: (...args: A) => R): jest.Mock<R, A> => {
  const mock = jest.fn(implementation);
  resets.push(() => {
    mock.mockReset();
    mock.mockImplementation(implementation);
  });
  return mock;
};

/** The adapter's exports, as jest mocks (the names and call shapes of src/sdk/console-sdk.ts). */
export const useK8sWatchResource = mockOf((resource: WatchK8sResource | null) => {
  const { data, loaded, loadError } = watchOne(resource);
  return [data, loaded, loadError] as const;
});
export const useK8sWatchResources = mockOf(
  (resources: Record<string, WatchK8sResource>): Record<string, WatchAnswer> =>
    Object.fromEntries(Object.entries(resources).map(([key, value]) => [key, watchOne(value)])),
);
export const useFlag = mockOf((flag: string) =>
  state.flags.has(flag) ? state.flags.get(flag) : true,
);
export const useAccessReview = mockOf((attributes: AccessReviewResourceAttributes) =>
  state.access(attributes),
);
export const useActiveNamespace = mockOf((): [string, (namespace: string) => void] => [
  state.activeNamespace,
  () => undefined,
]);
/** What `useModal()` returns: a test reads the dialogs launched from its calls. */
export const launchModal = jest.fn<
  undefined,
  [React.ComponentType<never>, Record<string, unknown>?]
>();
resets.push(() => launchModal.mockReset());
export const useModal = mockOf(() => launchModal);
export const k8sCreate = mockOf((options: K8sOptions['create']) => {
  state.calls.push({ verb: 'create', kind: options.model.kind, options });
  return answerK8sCall(options, state.k8s.create, defaultK8s.create);
});
export const k8sUpdate = mockOf((options: K8sOptions['update']) => {
  state.calls.push({ verb: 'update', kind: options.model.kind, options });
  return answerK8sCall(options, state.k8s.update, defaultK8s.update);
});
export const k8sPatch = mockOf((options: K8sOptions['patch']) => {
  state.calls.push({ verb: 'patch', kind: options.model.kind, options });
  return answerK8sCall(options, state.k8s.patch, defaultK8s.patch);
});
export const k8sDelete = mockOf((options: K8sOptions['delete']) => {
  state.calls.push({ verb: 'delete', kind: options.model.kind, options });
  return answerK8sCall(options, state.k8s.delete, defaultK8s.delete);
});
export const k8sGet = mockOf((options: K8sOptions['get']) => {
  state.calls.push({ verb: 'get', kind: options.model.kind, options });
  return answerK8sCall(options, state.k8s.get, defaultK8s.get);
});
export const k8sListItems = mockOf((options: K8sOptions['list']) => {
  state.calls.push({ verb: 'list', kind: options.model.kind, options });
  return answerK8sCall(options, state.k8s.list, defaultK8s.list);
});
export const consoleFetch = mockOf((url: string, init?: RequestInit) => state.fetch(url, init));
export const consoleFetchJSON = mockOf((url: string, method?: string) =>
  state.fetchJSON(url, method),
);
export const consoleFetchText = mockOf((url: string, init?: RequestInit) =>
  state.fetch(url, init).then((response) => response.text()),
);
export const checkAccess = mockOf((attributes: AccessReviewResourceAttributes) => {
  const [allowed] = state.access(attributes);
  return Promise.resolve({ status: { allowed } });
});

export const HealthState = {
  OK: 'OK',
  ERROR: 'ERROR',
  WARNING: 'WARNING',
  LOADING: 'LOADING',
  UPDATING: 'UPDATING',
  PROGRESS: 'PROGRESS',
  UPGRADABLE: 'UPGRADABLE',
  NOT_AVAILABLE: 'NOT_AVAILABLE',
  UNKNOWN: 'UNKNOWN',
} as const;

export const DocumentTitle = (props: { children?: React.ReactNode }) =>
  React.createElement('title', null, props.children);
export const ListPageHeader = (props: { title: string; children?: React.ReactNode }) =>
  React.createElement('header', null, React.createElement('h1', null, props.title), props.children);
export const ListPageBody = children;
export const ListPageCreateLink = (props: { to: string; children?: React.ReactNode }) =>
  React.createElement('a', { href: props.to }, props.children);
export const NamespaceBar = () => React.createElement('div', { 'data-test': 'namespace-bar' });
export const Timestamp = (props: { timestamp: string }) =>
  React.createElement('time', null, props.timestamp);
export const ResourceLink = (props: { name?: string; namespace?: string; kind?: string }) =>
  React.createElement('span', { 'data-test': 'resource-link' }, props.name);
export const InventoryItem = (props: { children?: React.ReactNode }) =>
  React.createElement('div', null, props.children);
export const InventoryItemTitle = InventoryItem;
export const InventoryItemBody = InventoryItem;
export const InventoryItemLoading = () =>
  React.createElement('div', { 'data-test': 'inventory-loading' });
export const StatusPopupSection = (props: {
  firstColumn: React.ReactNode;
  secondColumn?: React.ReactNode;
  children?: React.ReactNode;
}) =>
  React.createElement(
    'section',
    null,
    React.createElement('div', null, props.firstColumn, ' | ', props.secondColumn),
    props.children,
  );
export const StatusPopupItem = (props: { value?: string; children?: React.ReactNode }) =>
  React.createElement('div', { 'data-test': 'popup-item' }, props.children, ' | ', props.value);

/** What a test sets and reads: the console's answers and the calls the code made. */
export const sdkDouble = {
  /** Forgets every answer and call (done before each test automatically). */
  reset(): void {
    state = fresh();
    resets.forEach((reset) => reset());
  },

  /** Watches of `kind` (for example 'Deployment') return `data`, loaded unless said otherwise. */
  setWatch(kind: string, data: WatchedData, loaded = true, loadError?: unknown): void {
    state.watches.set(kind, () => ({ data, loaded, loadError }));
  },

  /** Watches of `kind` answer by what was asked (a namespace, a name, a selector). */
  answerWatch(kind: string, answer: (resource: WatchK8sResource) => WatchAnswer): void {
    state.watches.set(kind, answer);
  },

  /** Every watch the code asked for `kind`, in order (from both watch hooks). */
  watchedResources(kind: string): WatchK8sResource[] {
    const single = useK8sWatchResource.mock.calls.map(([resource]) => resource);
    const many = useK8sWatchResources.mock.calls.flatMap(([resources]) => Object.values(resources));
    return [...single, ...many].filter(
      (resource): resource is WatchK8sResource => resource !== null && kindOf(resource) === kind,
    );
  },

  /** The console flag `name` (for example OPENSHIFT_BUILDCONFIG); every flag is true unless set. */
  setFlag(name: string, value: boolean | undefined): void {
    state.flags.set(name, value);
  },

  /** Access reviews answer `allowed` (or per attributes); `checking` keeps them pending. */
  setAccess(answer: boolean | AccessAnswer, checking = false): void {
    state.access = typeof answer === 'function' ? answer : () => [answer, checking];
  },

  /** How `k8s<Verb>` answers, for one kind or (without `kind`) every kind. */
  answerK8s<V extends K8sVerb>(verb: V, answer: K8sAnswer<V>, kind = ''): void {
    const answers: K8sAnswers[V] = state.k8s[verb];
    answers.set(kind, answer);
  },

  /** Every k8s call the code made, in order; with `verb`, only those. */
  k8sCalls(verb?: K8sVerb): K8sCall[] {
    return verb ? state.calls.filter((call) => call.verb === verb) : [...state.calls];
  },

  /** How `consoleFetch` (the service proxy) answers. */
  answerFetch(answer: FetchAnswer): void {
    state.fetch = answer;
  },

  /** How `consoleFetchJSON` (Prometheus, the API) answers. */
  answerFetchJSON(answer: FetchJSONAnswer): void {
    state.fetchJSON = answer;
  },

  /** The console's active namespace. */
  setActiveNamespace(namespace: string): void {
    state.activeNamespace = namespace;
  },
};

beforeEach(() => sdkDouble.reset());
