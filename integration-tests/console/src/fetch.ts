import { HttpError } from '@openshift-console/dynamic-plugin-sdk/lib/utils/error/http-error';

/** Records 401 answers: on a real console a 401 logs the user out, so tests treat it as a bug. */
export const unauthorizedUrls: string[] = [];

/**
 * The console's fetch for the SDK: same-origin credentials, and a rejected promise with an
 * HttpError carrying the status, the response and the parsed Status body on failure.
 */
export const appFetch = async (url: string, options: RequestInit = {}): Promise<Response> => {
  const response = await fetch(url, { ...options, credentials: 'same-origin' });
  if (response.ok) return response;
  if (response.status === 401) unauthorizedUrls.push(url);
  const text = await response.text();
  let json: unknown;
  let message = response.statusText;
  try {
    json = JSON.parse(text);
    const status = json as { message?: unknown };
    if (typeof status.message === 'string' && status.message) message = status.message;
  } catch {
    if (text) message = text;
  }
  throw new HttpError(message, response.status, response, json);
};
