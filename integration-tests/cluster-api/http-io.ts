import type * as http from 'http';
import { badRequest, type StatusError } from './status';

/** Answers with a JSON body and its length. */
export const json = (res: http.ServerResponse, code: number, body: unknown): void => {
  const text = JSON.stringify(body);
  res.writeHead(code, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
};

/** Answers with a failure Status, under its own code. */
export const sendStatus = (res: http.ServerResponse, error: StatusError): void =>
  json(res, error.body.code, error.body);

export const readBuffer = (req: http.IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });

export const readBody = async (req: http.IncomingMessage): Promise<string> =>
  (await readBuffer(req)).toString('utf8');

/** Parses a request body; malformed JSON is the API server's 400. */
export const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw badRequest('the request body could not be decoded as JSON');
  }
};

export const cookie = (req: http.IncomingMessage, name: string): string | undefined =>
  (req.headers.cookie ?? '')
    .split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${name}=`))
    ?.slice(name.length + 1);
