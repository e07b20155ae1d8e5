/** Random bytes: the browser's crypto in the app, a seeded source in tests. */
export type RandomSource = (length: number) => Uint8Array;

/** The secrets of one cache, generated once per form (so they do not change as the form changes). */
export interface GeneratedSecrets {
  rootPassword: string;
  webhookSecret: string;
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A random string of letters and digits, unbiased (rejection sampling over the bytes). */
export const randomString = (random: RandomSource, length: number): string => {
  let result = '';
  while (result.length < length) {
    for (const byte of random(length * 2)) {
      // 248 is the largest multiple of 62 below 256: higher bytes would bias the choice.
      if (byte < 248 && result.length < length) result += ALPHANUMERIC.charAt(byte % 62);
    }
  }
  return result;
};

/** Generates the secrets of a cache once: root's password (32) and the webhook secret (40). */
export const generateSecrets = (random: RandomSource): GeneratedSecrets => ({
  rootPassword: randomString(random, 32),
  webhookSecret: randomString(random, 40),
});
