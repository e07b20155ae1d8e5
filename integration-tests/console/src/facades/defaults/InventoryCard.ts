// The console module `.../InventoryCard` has a default export; the SDK reads it.
export * from '../index';
export { InventoryItem as default } from '../index';
