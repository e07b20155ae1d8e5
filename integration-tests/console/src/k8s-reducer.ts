/**
 * The `k8s` redux state the SDK's watch hooks read and its watch thunks write. The SDK ships
 * the actions and selectors but not the reducer; this one follows the console's semantics:
 * lists are Immutable maps keyed `(namespace)-name`, objects are plain data, a newer
 * resourceVersion wins, and an error keeps the stale data.
 */
import { fromJS, Map as ImmutableMap } from 'immutable';
import type { AnyAction } from 'redux';

type State = ImmutableMap<string, unknown>;
interface K8sLike {
  metadata?: {
    name?: string;
    namespace?: string;
    uid?: string;
    resourceVersion?: string;
    creationTimestamp?: string;
  };
}

const qualifiedName = (object: K8sLike): string =>
  `(${object.metadata?.namespace ?? ''})-${object.metadata?.name ?? ''}`;

const newer = (next: K8sLike, current: K8sLike): boolean => {
  const a = next.metadata ?? {};
  const b = current.metadata ?? {};
  if (a.uid !== b.uid)
    return new Date(a.creationTimestamp ?? 0) > new Date(b.creationTimestamp ?? 0);
  return Number(a.resourceVersion) > Number(b.resourceVersion);
};

type List = ImmutableMap<string, ImmutableMap<string, unknown> | undefined>;
const toJs = (value: ImmutableMap<string, unknown>): K8sLike => value.toJS() as K8sLike;

const upsert = (list: List, object: K8sLike): List => {
  const key = qualifiedName(object);
  const current = list.get(key);
  if (current && !newer(object, toJs(current))) return list;
  return list.set(key, fromJS(object) as ImmutableMap<string, unknown>);
};

export const initialK8sState = (): State =>
  fromJS({ RESOURCES: { inFlight: false, loaded: false, models: {} } }) as State;

/** The reducer for `state.k8s`. */
export const k8sReducer = (state: State = initialK8sState(), action: AnyAction): State => {
  const payload = (action.payload ?? {}) as {
    id: string;
    k8sObjects: unknown;
    query?: unknown;
    name?: string;
    value?: unknown;
  };
  switch (action.type) {
    case 'resources': {
      const models = (
        action.payload as {
          resources: { models: { kind: string; apiGroup?: string; apiVersion: string }[] };
        }
      ).resources.models;
      let next = state;
      for (const model of models) {
        const reference = model.apiGroup
          ? `${model.apiGroup}~${model.apiVersion}~${model.kind}`
          : model.kind;
        next = next.setIn(['RESOURCES', 'models', reference], model);
      }
      return next.setIn(['RESOURCES', 'inFlight'], false).setIn(['RESOURCES', 'loaded'], true);
    }
    case 'getResourcesInFlight':
      return state.setIn(['RESOURCES', 'inFlight'], true);
    case 'startWatchK8sObject':
      return state.set(payload.id, ImmutableMap({ loadError: '', loaded: false, data: {} }));
    case 'startWatchK8sList':
      if (state.getIn([payload.id, 'data'])) return state;
      return state.set(
        payload.id,
        ImmutableMap({
          loadError: '',
          loaded: false,
          data: ImmutableMap(),
          filters: ImmutableMap(),
          selected: null,
        }),
      );
    case 'stopWatchK8s':
      return state.delete(payload.id);
    case 'modifyObject':
      return state.mergeIn([payload.id], { loadError: '', loaded: true, data: payload.k8sObjects });
    case 'loaded': {
      const list = state.getIn([payload.id, 'data']) as List | undefined;
      if (!list) return state;
      const objects = (payload.k8sObjects ?? []) as K8sLike[];
      const keep = new Set(objects.map(qualifiedName));
      let next = list.filter((_value, key) => key !== undefined && keep.has(key)) as List;
      for (const object of objects) next = upsert(next, object);
      return state
        .setIn([payload.id, 'data'], next)
        .setIn([payload.id, 'loaded'], true)
        .setIn([payload.id, 'loadError'], '');
    }
    case 'bulkAddToList': {
      let list = state.getIn([payload.id, 'data']) as List | undefined;
      if (!list) return state;
      for (const object of (payload.k8sObjects ?? []) as K8sLike[]) {
        list = list.set(qualifiedName(object), fromJS(object) as ImmutableMap<string, unknown>);
      }
      return state.setIn([payload.id, 'data'], list);
    }
    case 'updateListFromWS': {
      let list = state.getIn([payload.id, 'data']) as List | undefined;
      if (!list) return state;
      for (const event of (payload.k8sObjects ?? []) as { type: string; object: K8sLike }[]) {
        if (event.type === 'DELETED') list = list.delete(qualifiedName(event.object));
        else if (event.type === 'ADDED' || event.type === 'MODIFIED')
          list = upsert(list, event.object);
      }
      return state.setIn([payload.id, 'data'], list);
    }
    case 'errored':
      if (!state.getIn([payload.id, 'data'])) return state;
      return state.setIn([payload.id, 'loadError'], payload.k8sObjects);
    case 'filterList':
      return state.setIn([payload.id, 'filters', payload.name ?? ''], payload.value);
    default:
      return state;
  }
};
