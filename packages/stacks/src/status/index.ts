export * from './model';
export { DEFAULT_STATUS_OPTIONS, type StatusOptions } from './context';
export { readStatus, type ReadStatusOptions } from './read-status';
export { formatStatus, type StatusFormat } from './report';
export { bottlerocketReleaseParameter } from './nodegroups';
