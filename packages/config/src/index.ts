export * from './settings';
export * from './nodegroup';
export * from './names';
export * from './cidr';
export { Settings } from './validation';
export * from './defaults';
