// Names of the team repository's tasks that other modules (the README, the workflows) refer to.

/**
 * The task that plans (`-- --apply`: writes) the next Kubernetes minor version of a deployment,
 * `kubernetes-upgrade[:<environment>]`. Not `upgrade`: that is projen's dependency-upgrade task,
 * which a team repository gets as soon as it sets projen's `depsUpgrade` option, and the
 * repository's `upgrade` workflow already means bumping its dependencies.
 */
export const KUBERNETES_UPGRADE_TASK = 'kubernetes-upgrade';
