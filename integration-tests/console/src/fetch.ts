import { HttpError } from '@openshift-console/dynamic-plugin-sdk/lib/utils/error/http-error';
import { csrfToken, shouldLogOut } from './logout-rule';

/**
 * URLs whose 401 answer would have logged the user out of a real console (its `coFetch`
 * rule, see ./logout-rule): every browser test asserts there are none.
 */
export const unauthorizedUrls: string[] = [];

/**
 * The console's fetch for the SDK: same-origin credentials, the console's `X-CSRFToken`
 * header from the `csrf-token` cookie, the 401 logout rule, and a rejected promise with an
 * HttpError carrying the status, the response and the parsed Status body on failure.
 */
export const appFetch = async (url: string, options: RequestInit = {}): Promise<Response> => {
  const headers = new Headers(options.headers);
  const token = csrfToken(document.cookie);
  if (token && !headers.has('X-CSRFToken')) headers.set('X-CSRFToken', token);
  const response = await fetch(url, { ...options, headers, credentials: 'same-origin' });
  if (response.ok) return response;
  if (
    response.status === 401 &&
    shouldLogOut(url, (window as { SERVER_FLAGS?: { basePath?: string } }).SERVER_FLAGS?.basePath)
  ) {
    unauthorizedUrls.push(url);
    console.error(`Logged out: ${url} answered 401`);
  }
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
