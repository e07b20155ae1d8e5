import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import english from '../locales/en/plugin__pipcache-plugin.json';

// Components render through a real i18next instance with the committed English locale, as the
// console does, so that interpolation and missing keys behave in tests as they do in the console.
void i18n.use(initReactI18next).init({
  lng: 'en',
  fallbackLng: 'en',
  ns: ['plugin__pipcache-plugin'],
  defaultNS: 'plugin__pipcache-plugin',
  resources: { en: { 'plugin__pipcache-plugin': english } },
  interpolation: { escapeValue: false },
  react: { useSuspense: false },
});

// The console's convention, shared with the browser tests: `data-test`, not `data-testid`.
configure({ testIdAttribute: 'data-test' });

// React's warnings (an update outside act, a missing key, a prop of the wrong type) and
// react-router's are mistakes in a component or its test: any of them fails the test that
// caused it, so that the output stays clean and a new warning is seen at once.
// One exception: PatternFly's Tooltip and its Popper show and hide on their own timers, which
// fire outside act whenever a test moves the pointer; when they do depends on the machine's
// load, so counting them would make tests fail at random rather than for a mistake.
const isTooltipTimer = (args: unknown[]) =>
  String(args[0]).includes('not wrapped in act') && ['Tooltip', 'Popper'].includes(String(args[1]));
let warnings: string[] = [];
let spies: jest.SpyInstance[] = [];
beforeEach(() => {
  warnings = [];
  spies = (['error', 'warn'] as const).map((level) =>
    jest.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      if (!isTooltipTimer(args)) warnings.push(`console.${level}: ${args.map(String).join(' ')}`);
    }),
  );
});
afterEach(() => {
  for (const spy of spies) spy.mockRestore();
  expect(warnings).toEqual([]);
});
