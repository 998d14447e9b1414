export * from './settings';
export * from './nodegroup';
export * from './names';
export * from './cidr';
export { Settings } from './validation';
export * from './defaults';
export * from './errors';
export * from './option-names';
export * from './settings-file';
