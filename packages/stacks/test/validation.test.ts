import { App } from 'aws-cdk-lib';
import { ClusterStack, NetworkStack, NodegroupStack } from '../src';

describe('stacks validate their settings before creating anything', () => {
  test.each([
    ['NetworkStack', NetworkStack],
    ['ClusterStack', ClusterStack],
    ['NodegroupStack', NodegroupStack],
  ])('%s rejects a bad prefix with a message naming option, value and rule', (_name, Stack) => {
    const app = new App();
    expect(() => new Stack(app, 'S', { pjPrefix: 'Team_A' })).toThrow(/^Invalid pjPrefix "Team_A": expected 1-24 characters of lowercase letters/);
    expect(app.node.children).toHaveLength(0);
  });

  test('node sizes out of order are rejected at synth too', () => {
    expect(() => new NodegroupStack(new App(), 'S', { pjPrefix: 'a', nodeMinSize: 3, nodeMaxSize: 2 }))
      .toThrow('Invalid nodeMaxSize 2: expected a whole number from max(1, nodeMinSize = 3) to 1000.');
  });
});
