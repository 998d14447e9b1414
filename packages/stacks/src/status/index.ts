export * from './model';
export { DEFAULT_STATUS_OPTIONS, StatusOptions } from './context';
export { readStatus, ReadStatusOptions } from './read-status';
export { formatStatus, StatusFormat } from './report';
export { bottlerocketReleaseParameter } from './nodegroups';
