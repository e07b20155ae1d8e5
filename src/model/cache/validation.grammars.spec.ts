import fc from 'fast-check';
import { t } from '../../test-support/test-utils';
import {
  isDnsSubdomain,
  validateHostname,
  validateLabelValue,
  validateName,
  validateQuantity,
  validateUpstreamUrl,
} from './validation';

describe('validators against the Kubernetes grammars (property-based)', () => {
  const dns1035 = /^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/;
  const labelValue = /^(([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9])?$/;
  const quantity = /^[+-]?(\d+(\.\d*)?|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?\d+)?$/;

  it('accepts a name exactly when it is a DNS-1035 label', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[-a-z0-9A-Z_.]{0,70}$/), (name) => {
        expect(validateName(name, 'ns', t) === undefined).toBe(dns1035.test(name));
      }),
      { numRuns: 500 },
    );
  });

  it('accepts every generated DNS-1035 label', () => {
    fc.assert(
      fc.property(fc.stringMatching(dns1035), (name) => validateName(name, 'ns', t) === undefined),
    );
  });

  it('accepts a label value exactly when the label value grammar does', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[-a-zA-Z0-9_. /]{0,70}$/), (value) => {
        expect(validateLabelValue(value, t) === undefined).toBe(labelValue.test(value));
      }),
      { numRuns: 500 },
    );
  });

  it('accepts hosts exactly when they are DNS-1123 subdomains', () => {
    fc.assert(
      fc.property(fc.domain(), (host) => {
        expect(validateHostname(host.toLowerCase(), t) === undefined).toBe(
          isDnsSubdomain(host.toLowerCase()),
        );
      }),
    );
  });

  it('rejects every string that is not a Kubernetes quantity', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 8 }), (text) => {
        if (!quantity.test(text.trim())) expect(validateQuantity(text, 'memory', t)).toBeDefined();
      }),
      { numRuns: 500 },
    );
  });

  it('rejects every host with an underscore, a wildcard or a trailing dot', () => {
    fc.assert(
      fc.property(
        fc.domain(),
        fc.constantFrom(
          (h: string) => `a_${h}`,
          (h: string) => `*.${h}`,
          (h: string) => `${h}.`,
        ),
        (host, spoil) => {
          expect(validateHostname(spoil(host.toLowerCase()), t)).toBeDefined();
        },
      ),
    );
  });

  it('rejects a name whose generated host label N-NS would exceed 63 characters', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z][a-z0-9]{0,61}[a-z]$/),
        fc.stringMatching(/^[a-z][a-z0-9]{0,61}[a-z]$/),
        (name, namespace) => {
          const tooLong = name.length + 1 + namespace.length > 63;
          expect(validateName(name, namespace, t, true) !== undefined).toBe(tooLong);
        },
      ),
    );
  });

  it('rejects every negative or zero size', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -4096, max: 0 }),
        fc.constantFrom('', 'Mi', 'Gi'),
        (n, unit) => {
          expect(validateQuantity(`${n}${unit}`, 'storage', t)).toBeDefined();
        },
      ),
    );
  });

  it('rejects every upstream URL that carries credentials', () => {
    fc.assert(
      fc.property(
        fc.webUrl({ withQueryParameters: false, withFragments: false }),
        fc.stringMatching(/^[a-z0-9]{1,8}$/),
        (url, user) => {
          expect(validateUpstreamUrl(url.replace('://', `://${user}:pw@`), t)).toBeDefined();
        },
      ),
    );
  });

  it('accepts positive binary-suffixed sizes of at least 1Mi', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4096 }),
        fc.constantFrom('Mi', 'Gi', 'Ti'),
        (n, unit) => {
          expect(validateQuantity(`${n}${unit}`, 'storage', t)).toBeUndefined();
        },
      ),
    );
  });
});
