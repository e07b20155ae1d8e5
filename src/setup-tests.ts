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
