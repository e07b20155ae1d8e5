// The console module `.../StatusPopup` has a default export; the SDK reads it.
export * from '../index';
export { StatusPopupSection as default } from '../index';
