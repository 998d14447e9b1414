import { DeploymentsView } from './deployments-view';
import { ENVIRONMENT_CHANGES, firstEnvironmentsChange, SettingChange, settingChanges } from './setting-changes';

/** What a change of each setting does to the deployed stacks, and the way out where it is refused: of any one deployment. */
export function changingSettingsSection(view: DeploymentsView): string {
  const { each } = view;
  const deployment = { prefix: each.names.pjPrefix, task: each.task, nx: each.nx, stack: each.stack };
  const changes: SettingChange[] = [
    ...settingChanges(deployment),
    ...(view.hasEnvironments ? ENVIRONMENT_CHANGES : [firstEnvironmentsChange(deployment)]),
  ];
  return `## Changing settings later

\`npx projen diff${each.task}\` and \`npx projen deploy${each.task}\` first print the update plan: the templates deployed now (CloudFormation
\`GetTemplate\`) against the synthesized ones, judged with the CloudFormation specification. A change CloudFormation
cannot carry out is refused there, before any stack is touched, with the setting and the way out.

| setting | what a change does | way out, when refused |
| --- | --- | --- |
${changes.map((c) => `| ${c.setting} | ${c.effect} | ${c.wayOut ?? '-'} |`).join('\n')}
`;
}
