/**
 * The console's rule for a 401 answer (`coFetch`'s `shouldLogout`, release-4.19 to 4.22): a
 * 401 from any `/api/kubernetes/` URL logs the user out, except from the API server's proxy
 * paths — `api/v1/proxy/…` and service proxies whose namespace and service are both `\w+`
 * (so `my-project` or a `http:name:port` service reference is not excepted).
 */
export const shouldLogOut = (url: string, basePath = '/'): boolean => {
  const path = url.replace(/^https?:\/\/[^/]+/, '');
  const k8s = `${basePath}api/kubernetes/`;
  if (!path.startsWith(k8s)) return false;
  const rest = path.slice(k8s.length);
  if (rest.startsWith('api/v1/proxy/')) return false;
  return !/^api\/v1\/namespaces\/\w+\/services\/\w+\/proxy\//.test(rest);
};

/** The value of the console's `csrf-token` cookie, which writes must echo in `X-CSRFToken`. */
export const csrfToken = (cookies: string): string | undefined =>
  cookies
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part.startsWith('csrf-token='))
    .map((part) => part.slice('csrf-token='.length))
    .pop();
