export * from './options';
export { TeamDeployment, TeamEnvironment, TeamEnvironmentCi } from './environments';
export * from './project';
export * from './stack-app';
export * from './all-stacks-app';
export * from './nx-workspace';
export * from './settings-file';
export * from './readme';
export * from './team-tests';
