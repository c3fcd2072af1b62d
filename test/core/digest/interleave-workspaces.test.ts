import { describe, expect, it } from 'vitest';
import { interleaveWorkspaces } from '../../../src/core/digest/interleave-workspaces.js';

const ref = (workspace: string, channel: string) => ({ platform: 'slack', workspace, channel }) as const;

describe('interleaveWorkspaces', () => {
  it('takes one channel of each workspace in turn, keeping each workspace’s own order', () => {
    const page = [ref('T1', 'A'), ref('T1', 'B'), ref('T1', 'C'), ref('T2', 'A'), ref('T3', 'A'), ref('T3', 'B')];
    expect(interleaveWorkspaces(page).map((r) => `${r.workspace}/${r.channel}`)).toEqual(['T1/A', 'T2/A', 'T3/A', 'T1/B', 'T3/B', 'T1/C']);
  });

  it('tells platforms apart, and leaves a page of one workspace (or none) as it is', () => {
    const page = [{ platform: 'discord', workspace: 'T1', channel: 'X' } as const, ref('T1', 'A'), ref('T1', 'B')];
    expect(interleaveWorkspaces(page).map((r) => `${r.platform}/${r.channel}`)).toEqual(['discord/X', 'slack/A', 'slack/B']);
    expect(interleaveWorkspaces([ref('T1', 'A'), ref('T1', 'B')])).toEqual([ref('T1', 'A'), ref('T1', 'B')]);
    expect(interleaveWorkspaces([])).toEqual([]);
  });
});
