import { TEAM_TASKS } from 'bottlerocket-eks-config';

/**
 * The task that plans (`-- --apply`: writes) the next Kubernetes minor version of a deployment,
 * `kubernetes-upgrade[:<environment>]`: named in the contract with the stacks library
 * (`TEAM_TASKS`), whose messages tell a team to run it.
 */
export const KUBERNETES_UPGRADE_TASK = TEAM_TASKS.kubernetesUpgrade;

/**
 * The task that shows the Bottlerocket release train of the whole repository, `releases` (one
 * task, not one per environment: the train runs through the environments in their order).
 */
export const RELEASES_TASK = TEAM_TASKS.releases;

/** The task that estimates what the repository's environments cost a month, `cost` (all of them, with their total) and `cost:<environment>`. */
export const COST_TASK = TEAM_TASKS.cost;
