export * from './model';
export { observeEnvironment, type ObserveOptions } from './observe';
export { label, planReleaseTrain, type TrainEnvironmentInput, type TrainSettings } from './train';
export { duePromotions, type DuePromotion, formatReleaseTrain, pullRequestText, RELEASE_BRANCH_PREFIX } from './report';
