// A stand-in for devpi-server 6.19.1's `devpi-init` and `devpi-server`, for the start script's
// fault test. It does what the start script depends on, as read in devpi's source and seen in a
// running 6.19.1, and nothing more:
// - devpi-init refuses a server directory with `.nodeinfo` (exit 1), writes `.nodeinfo` BEFORE it
//   commits the root user and `root/pypi` (one commit in the sqlite file `.sqlite`, table
//   `changelog`), takes the root password from `--root-passwd` or `DEVPISERVER_ROOT_PASSWD`, and
//   rejects an unknown option with exit 2.
// - devpi-server needs `.nodeinfo`, serves `/+api`, `GET /root/pypi` (the whole index config,
//   to anyone), `PATCH /root/pypi` (root's Basic auth, else 403; `key=value` items, values
//   normalised as devpi does, persisted as a new commit), the simple page of an unknown project
//   in offline mode (502 with `mirror_no_project_list`, else 404), logs `modified index …` with
//   the new config, stops cleanly on SIGINT, and keeps SIGINT ignored when it was ignored on
//   entry (a Python program does; the bash wrapper tells us, as node resets dispositions).
// Events (`STANDIN_EVENTS`, one per line) let a test kill the start at a known step.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

const event = (name) => {
  if (process.env.STANDIN_EVENTS) fs.appendFileSync(process.env.STANDIN_EVENTS, `${name}\n`);
};
const log = (message) => {
  process.stdout.write(`${new Date().toISOString()} INFO  [stand-in] ${message}\n`);
};
const fatal = (message, code = 1) => {
  process.stderr.write(`fatal: ${message}\n`);
  process.exit(code);
};
const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Runs one statement on the sqlite file through Python's sqlite3 (node 20 has none). */
const sqlite = (file, mode, data) => {
  const code = [
    'import sqlite3, sys',
    'db = sqlite3.connect(sys.argv[1])',
    'db.execute("CREATE TABLE IF NOT EXISTS changelog (serial INTEGER PRIMARY KEY, data BLOB NOT NULL)")',
    'if sys.argv[2] == "commit":',
    '    n = db.execute("SELECT count(*) FROM changelog").fetchone()[0]',
    '    db.execute("INSERT INTO changelog (serial, data) VALUES (?, ?)", (n, sys.stdin.read()))',
    '    db.commit()',
    'else:',
    '    row = db.execute("SELECT data FROM changelog ORDER BY serial DESC LIMIT 1").fetchone()',
    '    sys.stdout.write(row[0] if row else "")',
  ].join('\n');
  const result = spawnSync('python3', ['-c', code, file, mode], {
    input: data ?? '',
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`sqlite: ${result.stderr}`);
  return result.stdout;
};

/** Parses argv as devpi's argparse does for the options the start script uses. */
const parse = (argv, known, flags) => {
  const options = {};
  for (let i = 0; i < argv.length; i += 1) {
    const [name, inline] = argv[i].split(/=(.*)/s);
    if (flags.includes(name)) {
      options[name] = true;
    } else if (known.includes(name)) {
      options[name] = inline ?? argv[(i += 1)];
    } else {
      fatal(`unrecognized arguments: ${argv[i]}`, 2);
    }
  }
  return options;
};

const hash = (password) => crypto.createHash('sha256').update(password).digest('hex');

const DEFAULT_INDEX = {
  type: 'mirror',
  volatile: false,
  title: 'PyPI',
  mirror_url: 'https://pypi.org/simple/',
  mirror_web_url_fmt: 'https://pypi.org/project/{name}/',
};

const init = (argv) => {
  const options = parse(argv, ['--serverdir', '--root-passwd'], []);
  const dir = options['--serverdir'] ?? process.env.DEVPISERVER_SERVERDIR;
  if (!dir) fatal('no server directory');
  const password = options['--root-passwd'] ?? process.env.DEVPISERVER_ROOT_PASSWD ?? '';
  event('init:start');
  if (fs.existsSync(path.join(dir, '.nodeinfo')))
    fatal(`The path '${dir}' already contains devpi-server data.`);
  fs.mkdirSync(dir, { recursive: true });
  if (fs.readdirSync(dir).length < 2) fs.writeFileSync(path.join(dir, '.serverversion'), '4');
  fs.writeFileSync(
    path.join(dir, '.nodeinfo'),
    JSON.stringify({ uuid: crypto.randomUUID().replace(/-/g, ''), role: 'primary' }),
  );
  event('init:nodeinfo');
  // devpi derives its secret (argon2) and sets up storage before the first commit.
  sleep(Number(process.env.STANDIN_INIT_MS ?? 400));
  sqlite(
    path.join(dir, '.sqlite'),
    'commit',
    JSON.stringify({ users: { root: hash(password) }, index: DEFAULT_INDEX }),
  );
  event('init:done');
  log('initialised');
};

const BOOLEAN = /^(true|yes|1|false|no|0)$/i;
/** devpi's MirrorStage.normalize_indexconfig_value for the keys a mirror index knows. */
const normalize = (key, value) => {
  if (key === 'mirror_url') {
    if (!/^https?:\/\//.test(value)) throw new Error("'mirror_url' option must be a URL.");
    return value;
  }
  if (key === 'mirror_cache_expiry') {
    if (!/^-?\d+$/.test(value.trim()))
      throw new Error("'mirror_cache_expiry' option must be an integer");
    return Number(value);
  }
  if (
    [
      'mirror_ignore_serial_header',
      'mirror_no_project_list',
      'mirror_use_external_urls',
      'volatile',
    ].includes(key)
  ) {
    if (!BOOLEAN.test(value)) throw new Error(`Unknown boolean value '${value}'.`);
    return /^(true|yes|1)$/i.test(value);
  }
  if (['title', 'description', 'mirror_web_url_fmt', 'custom_data'].includes(key)) return value;
  throw new Error(`indexconfig got unexpected keyword arguments: ${key}`);
};

const pythonRepr = (config) =>
  `{${Object.entries(config)
    .map(
      ([k, v]) =>
        `'${k}': ${typeof v === 'string' ? `'${v}'` : v === true ? 'True' : v === false ? 'False' : v}`,
    )
    .join(', ')}}`;

const server = (argv) => {
  const options = parse(
    argv,
    [
      '--serverdir',
      '--host',
      '--port',
      '--restrict-modify',
      '--request-timeout',
      '--mirror-cache-expiry',
    ],
    ['--offline-mode'],
  );
  const dir = options['--serverdir'] ?? process.env.DEVPISERVER_SERVERDIR;
  if (!dir || !fs.existsSync(path.join(dir, '.nodeinfo')))
    fatal(`The path '${dir}' contains no devpi-server data, use devpi-init to initialize.`);
  const db = path.join(dir, '.sqlite');
  log(`Loading node info from ${path.join(dir, '.nodeinfo')}`);
  const stored = sqlite(db, 'read');
  // A directory whose init never committed has no root user and no index: writes get 403.
  let state = stored ? JSON.parse(stored) : { users: {}, index: undefined };
  const offline = options['--offline-mode'] === true;
  const json = (res, status, body) => {
    res.writeHead(status, {
      'Content-Type': 'application/json',
      'X-Devpi-Server-Version': '6.19.1',
    });
    res.end(JSON.stringify(body, null, 2));
  };
  const html = (res, status, title, text) => {
    res.writeHead(status, { 'Content-Type': 'text/html; charset=UTF-8' });
    res.end(
      `<html>\n <head>\n  <title>${title}</title>\n </head>\n <body>\n  <h1>${title}</h1>\n  ${text}\n </body>\n</html>`,
    );
  };
  const isRoot = (req) => {
    const match = /^Basic (.+)$/.exec(req.headers.authorization ?? '');
    if (!match) return false;
    const [user, ...rest] = Buffer.from(match[1], 'base64').toString('utf8').split(':');
    return (
      user === 'root' && state.users.root !== undefined && state.users.root === hash(rest.join(':'))
    );
  };
  const httpServer = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://stand-in');
      const route = url.pathname.replace(/\/$/, '');
      if (req.method === 'GET' && url.pathname === '/+api') {
        json(res, 200, {
          result: { login: 'http://127.0.0.1/+login', authstatus: ['noauth', '', []] },
          type: 'apiconfig',
        });
      } else if (route === '/root/pypi' && req.method === 'GET') {
        if (!state.index) return html(res, 404, '404 Not Found', 'no stage root/pypi');
        const result = url.searchParams.has('no_projects')
          ? state.index
          : { ...state.index, projects: [] };
        json(res, 200, { result, type: 'indexconfig' });
      } else if (route === '/root/pypi' && req.method === 'PATCH') {
        if (!isRoot(req) || !state.index)
          return html(
            res,
            403,
            '403 Forbidden',
            'Access was denied to this resource.<br/><br/>\nUnauthorized: PyPIView failed permission check',
          );
        let next;
        try {
          const items = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          next = { ...state.index };
          for (const item of items) {
            const [key, value] = item.split(/=(.*)/s);
            if (key.endsWith('-')) {
              const dropped = key.slice(0, -1);
              next = Object.fromEntries(Object.entries(next).filter(([k]) => k !== dropped));
            } else {
              next[key] = normalize(key, value ?? '');
            }
          }
        } catch (error) {
          return json(res, 400, { message: error.message });
        }
        state = { ...state, index: next };
        sqlite(db, 'commit', JSON.stringify(state));
        log(`modified index root/pypi: ${pythonRepr(next)}`);
        event('server:patched');
        json(res, 200, { result: next, type: 'indexconfig' });
      } else if (req.method === 'GET' && /^\/root\/pypi\/\+simple\/[^/]+$/.test(route)) {
        if (offline && state.index?.mirror_no_project_list)
          return html(res, 502, '502 Bad Gateway', 'offline mode: project not in cache');
        html(res, 404, '404 Not Found', `The project ${route.split('/').pop()} does not exist.`);
      } else {
        html(res, 404, '404 Not Found', 'The resource could not be found.');
      }
    });
  });
  const stop = () => {
    log('Received SIGINT, shutting down');
    httpServer.close();
    setTimeout(() => process.exit(0), 200);
  };
  // A Python program started with SIGINT ignored keeps it ignored: devpi then never stops on it.
  process.on('SIGINT', process.env.STANDIN_SIGINT_IGNORED === '1' ? () => undefined : stop);
  const port = Number(options['--port'] ?? process.env.DEVPISERVER_PORT ?? 3141);
  httpServer.listen(port, '127.0.0.1', () => {
    log(`Serving on http://${options['--host'] ?? 'localhost'}:${port}`);
    event('server:listening');
  });
};

const [command, ...argv] = process.argv.slice(2);
if (command === 'init') init(argv);
else if (command === 'server') server(argv);
else fatal(`unknown command ${command}`);
