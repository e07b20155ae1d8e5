import { csrfToken, shouldLogOut } from './logout-rule';

describe("the console's 401 logout rule", () => {
  it.each([
    ['/api/kubernetes/apis/apps/v1/namespaces/demo/deployments', true],
    ['http://127.0.0.1:9000/api/kubernetes/api/v1/namespaces/demo/configmaps', true],
    // The service-proxy exception needs \w+ names on both sides.
    ['/api/kubernetes/api/v1/namespaces/demo/services/pipcache/proxy/+api', false],
    ['/api/kubernetes/api/v1/namespaces/my-project/services/pipcache/proxy/+api', true],
    ['/api/kubernetes/api/v1/namespaces/demo/services/http:pipcache:3141/proxy/+api', true],
    ['/api/kubernetes/api/v1/proxy/namespaces/demo/services/x/', false],
    ['/api/prometheus-tenancy/api/v1/query', false],
    ['/api/plugins/pipcache-plugin/plugin-manifest.json', false],
  ])('%s logs out: %s', (url, expected) => {
    expect(shouldLogOut(url)).toBe(expected);
  });

  it('reads the last csrf-token cookie', () => {
    expect(csrfToken('openshift-session-token=s; csrf-token=abc')).toBe('abc');
    expect(csrfToken('other=1')).toBeUndefined();
  });
});
