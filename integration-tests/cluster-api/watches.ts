import type * as http from 'http';
import type { Duplex } from 'stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { listFilter } from './reads';
import { expired } from './status';
import type { K8sObject, Store, StoreEvent } from './store';
import { toTable } from './table';
import type { Target } from './target';

type Frame = { type: string; object: unknown };

/**
 * Streams watch events for a target from `resourceVersion` (or the current objects as ADDED
 * without one); a resourceVersion older than the event window gets an ERROR frame with 410
 * Expired and the end of the watch. Returns the unsubscribe function.
 */
export const startWatch = (
  store: Store,
  target: Target,
  url: URL,
  send: (frame: Frame) => void,
  end: () => void,
): (() => void) => {
  const filter = listFilter(target, url);
  const from = Number(url.searchParams.get('resourceVersion') ?? '0');
  const deliver = (event: StoreEvent) => {
    if (event.type_ !== target.type || !filter(event.object)) return;
    send({ type: event.type, object: event.object });
  };
  if (from > 0) {
    const past = store.eventsSince(from);
    if (!past) {
      send({
        type: 'ERROR',
        object: expired(`too old resource version: ${from} (${store.oldestWatchable})`).body,
      });
      end();
      return () => undefined;
    }
    past.forEach(deliver);
  } else {
    for (const object of store.list(target.type, target.namespace).filter(filter)) {
      send({ type: 'ADDED', object });
    }
  }
  return store.subscribe(deliver);
};

/** A watch over plain HTTP (kubectl's); `tableObject` set: events carry one-row Tables. */
export const httpWatch = (
  store: Store,
  target: Target,
  url: URL,
  res: http.ServerResponse,
  tableObject?: string,
): void => {
  res.writeHead(200, { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' });
  const stop = startWatch(
    store,
    target,
    url,
    (frame) => {
      const object =
        tableObject !== undefined && frame.type !== 'ERROR'
          ? toTable(
              target.type,
              [frame.object as K8sObject],
              { resourceVersion: (frame.object as K8sObject).metadata.resourceVersion },
              tableObject || null,
            )
          : frame.object;
      res.write(`${JSON.stringify({ type: frame.type, object })}\n`);
    },
    () => res.end(),
  );
  res.on('close', stop);
};

/** The console's watches: one WebSocket a watch, each kept until it closes or is dropped. */
export class WatchSockets {
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly sockets = new Set<WebSocket>();

  constructor(private readonly store: Store) {}

  /** Takes over an authorised upgrade request and streams the target's events to it. */
  serve(req: http.IncomingMessage, socket: Duplex, head: Buffer, target: Target, url: URL): void {
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      this.sockets.add(ws);
      const stop = startWatch(
        this.store,
        target,
        url,
        (frame) => ws.send(JSON.stringify(frame)),
        () => ws.close(),
      );
      ws.on('close', () => {
        stop();
        this.sockets.delete(ws);
      });
    });
  }

  /** Closes every watch socket (as a dropped connection would); returns how many there were. */
  drop(): number {
    const count = this.sockets.size;
    for (const socket of this.sockets) socket.terminate();
    this.sockets.clear();
    return count;
  }

  close(): void {
    this.drop();
    this.wss.close();
  }
}
