import * as fs from 'fs';
import * as path from 'path';
import { parseDevpiStatus } from './devpi-status';

const fixture = (): unknown =>
  JSON.parse(
    fs.readFileSync(
      path.join(__dirname, '../../../integration-tests/fixtures/devpi-6.19.1/status.body'),
      'utf8',
    ),
  );

describe('parseDevpiStatus', () => {
  it('keeps the version, serial, last commit time and role of a real devpi 6.19.1 answer', () => {
    expect(parseDevpiStatus(fixture())).toEqual({
      version: '6.19.1',
      serial: 0,
      lastCommit: new Date(1795472192207.2976).toISOString(),
      role: 'MASTER',
    });
  });

  it('never keeps server paths, the host or the uuid', () => {
    const text = JSON.stringify(parseDevpiStatus(fixture()));
    expect(text).not.toMatch(/opt\/app-root|site-packages|0\.0\.0\.0|c2a17160/);
  });

  it('is undefined for answers that are not a devpi status', () => {
    expect(parseDevpiStatus({ type: 'apiconfig', result: {} })).toBeUndefined();
    expect(parseDevpiStatus('<html>')).toBeUndefined();
    expect(parseDevpiStatus({ type: 'status' })).toBeUndefined();
  });

  it('leaves out fields of the wrong type', () => {
    expect(
      parseDevpiStatus({ type: 'status', result: { serial: '3', 'last-commit-timestamp': 'x' } }),
    ).toEqual({ version: undefined, serial: undefined, lastCommit: undefined, role: undefined });
  });
});
