import { applyJsonPatch } from '../../../integration-tests/cluster-api/patch';
import { admitsBuildsFrom } from '../builds';
import { admitProjectPatch, clientPolicyFor, clientPolicyName } from './client-policy';
import { defaultValues } from './values';

const values = {
  ...defaultValues({ pythonTags: ['3.12-ubi9'], allowedStrategies: ['docker'], canBuild: true }),
  name: 'pipcache',
};
const pods = { 'app.kubernetes.io/name': 'pipcache', 'app.kubernetes.io/instance': 'pipcache' };

describe('the cache client policy', () => {
  it('admits exactly the named projects, the own project and no other', () => {
    const policy = clientPolicyFor(values, 'demo', ['team']);
    expect(policy.metadata?.name).toBe(clientPolicyName('pipcache'));
    expect(admitsBuildsFrom([policy], pods, 'demo', { name: 'team', labels: {} })).toBe(true);
    expect(admitsBuildsFrom([policy], pods, 'demo', { name: 'demo', labels: {} })).toBe(true);
    expect(admitsBuildsFrom([policy], pods, 'demo', { name: 'other', labels: {} })).toBe(false);
  });

  it('adds a project with a guarded patch, and nothing when it is already admitted', () => {
    const policy = clientPolicyFor(values, 'demo', ['team']);
    const patch = admitProjectPatch(policy, 'other');
    expect(patch?.[0]?.op).toBe('test');
    const patched = applyJsonPatch(policy, patch ?? []);
    expect(admitsBuildsFrom([patched], pods, 'demo', { name: 'other', labels: {} })).toBe(true);
    expect(admitsBuildsFrom([patched], pods, 'demo', { name: 'team', labels: {} })).toBe(true);
    expect(admitProjectPatch(patched, 'other')).toEqual([]);
  });

  it('does not edit a policy of another shape', () => {
    const open = clientPolicyFor(values, 'demo', []);
    expect(admitProjectPatch(open, 'team')).toBeUndefined();
  });
});
