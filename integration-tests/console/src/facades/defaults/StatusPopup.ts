// The console module `.../StatusPopup` has a default export (StatusPopupItem); the SDK reads it.
export * from '../index';
export { StatusPopupItem as default } from '../index';
