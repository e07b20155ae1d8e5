import { execFileSync, spawnSync } from 'child_process';

/** openssl's path: `OPENSSL_BIN` (a missing one stands for a machine without openssl), else `openssl`. */
const opensslBin = process.env.OPENSSL_BIN ?? 'openssl';
/** Whether openssl is there to make a certificate (the tests that need one skip without it). */
export const hasOpenssl = !spawnSync(opensslBin, ['version'], { stdio: 'ignore' }).error;

/**
 * Makes a self-signed certificate for 127.0.0.1 with openssl, as scripts/demo.sh makes the
 * demo's: a key and a certificate, written to the paths given, valid for a day.
 */
export const makeSelfSignedCert = (certFile: string, keyFile: string): void => {
  execFileSync(
    opensslBin,
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      keyFile,
      '-out',
      certFile,
    ],
    { stdio: 'ignore' },
  );
};
